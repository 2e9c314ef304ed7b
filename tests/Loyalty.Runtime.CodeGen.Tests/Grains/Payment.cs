namespace Loyalty.Runtime.CodeGen.Tests.Grains;

public sealed record Payment(string Currency, decimal Amount);
