using System.Text.Json.Serialization;

namespace Loyalty.Grains.Cards;

/// <summary>
/// An idempotency key a card answered recently, stored as a plain string (<see cref="RecentKeyJson"/>). A type of its
/// own so the converter that also reads the earlier form applies to each key: the list of keys is then an ordinary
/// list, which the state's stored changes extend by the keys added (see the runtime's StateChanges).
/// </summary>
[JsonConverter(typeof(RecentKeyJson))]
public readonly record struct RecentKey(string Key);
