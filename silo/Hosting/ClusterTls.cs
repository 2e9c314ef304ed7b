using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Loyalty.Silo.Hosting;

/// <summary>
/// Mutual TLS between the processes of one cluster: each presents the configured certificate and accepts a peer only
/// if it presents the same one (compared by its SHA-256 thumbprint, in constant time). No public CA is involved, so a
/// self-signed certificate made for the deployment is enough, and nothing else can join or call the cluster.
/// </summary>
internal static class ClusterTls
{
    public static void Configure(TlsOptions tls)
    {
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (certificate, _, _) => IsOurs(certificate, tls.LocalCertificate);
        tls.OnAuthenticateAsClient = (_, options) => options.TargetHost = "loyalty-cluster";
    }

    private static bool IsOurs(X509Certificate2? remote, X509Certificate2? local) =>
        remote is not null && local is not null
        && CryptographicOperations.FixedTimeEquals(remote.GetCertHash(HashAlgorithmName.SHA256), local.GetCertHash(HashAlgorithmName.SHA256));
}
