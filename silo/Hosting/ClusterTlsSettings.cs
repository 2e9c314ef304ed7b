namespace Loyalty.Silo.Hosting;

/// <summary>
/// TLS between silos and between clients and silos (<c>Loyalty:Cluster:Tls</c>). Every process presents the same
/// certificate and accepts only a peer presenting it: a cluster of one organisation, keyed by one secret file.
/// </summary>
public sealed class ClusterTlsSettings
{
    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
