namespace Loyalty.Silo.Hosting;

/// <summary>The cluster every silo and client of one deployment shares (<c>Loyalty:Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Loyalty:Cluster";

    /// <summary>Orleans' cluster id and service id: deployments sharing one database stay apart by it.</summary>
    public string Id { get; set; } = "loyalty";

    /// <summary>Optional TLS between silos and clients; off when <see cref="ClusterTlsSettings.CertificatePath"/> is unset.</summary>
    public ClusterTlsSettings Tls { get; set; } = new();
}
