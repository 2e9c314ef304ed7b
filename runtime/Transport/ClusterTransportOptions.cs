namespace Loyalty.Runtime.Transport;

/// <summary>
/// Settings of the cluster transport, from <c>Loyalty:Silo:ClusterPort</c>, <c>Loyalty:Silo:AdvertisedHost</c>,
/// <c>Loyalty:Cluster:Secret</c> and <c>Loyalty:Cluster:MaxRequestBodySize</c>.
/// </summary>
public sealed class ClusterTransportOptions
{
    public const string ClusterPortKey = "Loyalty:Silo:ClusterPort";

    public const string AdvertisedHostKey = "Loyalty:Silo:AdvertisedHost";

    public const string SecretKey = "Loyalty:Cluster:Secret";

    public const string MaxRequestBodySizeKey = "Loyalty:Cluster:MaxRequestBodySize";

    public const int MinimumSecretLength = 16;

    /// <summary>Port for cluster traffic (HTTP/2 only); 0 takes any free port, which membership then records.</summary>
    public int ClusterPort { get; set; }

    /// <summary>
    /// Host name or address other silos and clients reach this silo at; by default the host of the first
    /// <c>urls</c> address, or the machine's host name when that is a wildcard.
    /// </summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>
    /// The secret every cluster request carries. Unset: one generated per process, which is enough only when every
    /// silo and client runs in this process.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Largest request body a silo takes (a call's arguments and chain); larger ones are refused with 413.</summary>
    public long MaxRequestBodySize { get; set; } = 4 * 1024 * 1024;
}
