namespace Loyalty.Grains.Storage;

/// <summary>A card's state as stored, and the version a write must expect to replace it.</summary>
/// <param name="StateJson">The state's JSON, as PostgreSQL returns <c>jsonb</c> (keys ordered and spaced its own way).</param>
/// <param name="Version">The row's version: pass it as <see cref="CardWrite.ExpectedVersion"/>.</param>
public sealed record StoredCard(string StateJson, long Version);
