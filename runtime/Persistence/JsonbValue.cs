namespace Loyalty.Runtime.Persistence;

/// <summary>A <see cref="StorageRow"/> value to be stored in a <c>jsonb</c> column.</summary>
public sealed record JsonbValue(string Json);
