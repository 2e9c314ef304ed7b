namespace Loyalty.Database.Tests.TestGrains;

/// <summary>What the grain's state holds after a call, with the storage's version of it.</summary>
[GenerateSerializer]
public sealed record ProfileSnapshot(string Name, int Writes, string? ETag, bool RecordExists);
