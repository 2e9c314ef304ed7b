namespace Loyalty.Runtime.Tests.TestGrains;

public sealed record Echo(string Text, long Number, decimal Amount, DateTimeOffset At, Guid Id, string? Missing);
