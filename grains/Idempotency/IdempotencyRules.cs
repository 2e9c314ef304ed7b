using Loyalty.GrainInterfaces.Text;

namespace Loyalty.Grains.Idempotency;

/// <summary>Idempotency keys (1 to 128 characters, unique per merchant) and what to do with a request that carries one.</summary>
public static class IdempotencyRules
{
    public const int MaxKeyLength = 128;

    /// <summary>Keys are kept at least this long (the contract's minimum).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>
    /// Null when <paramref name="key"/> is acceptable, else the message for the <c>idempotencyKey</c> field. Control
    /// characters are refused: PostgreSQL cannot store NUL, and a key that cannot be stored could never be retried.
    /// </summary>
    public static string? ValidateKey(string? key) =>
        string.IsNullOrEmpty(key) || key.Length > MaxKeyLength ? $"Must be 1 to {MaxKeyLength} characters."
        : CleanText.Problem(key);

    public static IdempotencyDecision Decide(string? storedFingerprint, string incomingFingerprint) =>
        storedFingerprint is null ? IdempotencyDecision.Apply
        : string.Equals(storedFingerprint, incomingFingerprint, StringComparison.Ordinal) ? IdempotencyDecision.Replay
        : IdempotencyDecision.KeyReused;
}
