namespace Loyalty.Grains.Idempotency;

public enum IdempotencyDecision
{
    /// <summary>The key is new: apply the operation and store its answer with the fingerprint.</summary>
    Apply,

    /// <summary>Same key, same request: answer with the stored response, change nothing.</summary>
    Replay,

    /// <summary>Same key, another request: 409 <see cref="Rules.ErrorCodes.IdempotencyKeyReused"/>.</summary>
    KeyReused,
}
