using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.Grains.Ledger;

/// <summary>What <see cref="LedgerVerifier"/> found wrong with an entry.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<LedgerMismatch>))]
public enum LedgerMismatch
{
    /// <summary>The stored hash is not the hash of the entry's fields: a field was edited.</summary>
    Hash,

    /// <summary>The previous hash is not the preceding entry's hash: an entry before it was removed, replaced or re-hashed.</summary>
    Link,

    /// <summary>The sequence is not the next one: an entry was removed or entries were reordered.</summary>
    Sequence,

    /// <summary>The entry belongs to another card.</summary>
    Card,

    /// <summary>The chain does not end at the head the card recorded: entries were cut from its end.</summary>
    Head,
}
