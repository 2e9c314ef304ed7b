namespace Loyalty.Grains.Cards;

/// <summary>
/// An idempotency key the card answered recently, with the fingerprint of its request. The first answer itself is in
/// <c>idempotency_keys</c>: keeping only this much in the state keeps every write small.
/// </summary>
public sealed record RecentKey(string Key, string Fingerprint);
