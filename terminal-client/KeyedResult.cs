namespace Loyalty.TerminalClient;

/// <summary>The answer of a card operation together with the idempotency key the client generated for it.</summary>
/// <typeparam name="T">The operation's answer.</typeparam>
/// <param name="IdempotencyKey">The key that was sent; keep it to retry the same operation.</param>
/// <param name="Value">The answer.</param>
public sealed record KeyedResult<T>(string IdempotencyKey, T Value);
