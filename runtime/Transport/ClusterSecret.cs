using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Transport;

/// <summary>The shared secret of cluster requests: the one configured, or one generated for this process.</summary>
internal sealed partial class ClusterSecret
{
    // Static, so every silo and client in one process (tests, the single-process deployment) shares it.
    private static readonly string Generated = RandomNumberGenerator.GetHexString(64, lowercase: true);

    private readonly byte[] _hash;

    public ClusterSecret(IOptions<ClusterTransportOptions> options, ILogger<ClusterSecret> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Value = options.Value.Secret ?? Generated;
        if (options.Value.Secret is null)
        {
            LogGenerated(logger, ClusterTransportOptions.SecretKey);
        }

        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(Value));
    }

    /// <summary>What this process sends.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="presented"/> is the secret; the time taken does not depend on how much of it matches.</summary>
    public bool Matches(string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        // Hashing first gives both sides the same length, so the comparison leaks neither content nor length.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        return CryptographicOperations.FixedTimeEquals(hash, _hash);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The cluster uses a secret generated for this process: silos and clients in other processes cannot call it until every process sets the same {Key}")]
    private static partial void LogGenerated(ILogger logger, string key);
}
