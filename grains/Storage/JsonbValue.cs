namespace Loyalty.Grains.Storage;

/// <summary>A <see cref="StorageRow"/> value to be stored in a <c>jsonb</c> column (a plain string would be sent as text).</summary>
/// <param name="Json">The JSON document; PostgreSQL parses it, and a write holding invalid JSON fails.</param>
public readonly record struct JsonbValue(string Json);
