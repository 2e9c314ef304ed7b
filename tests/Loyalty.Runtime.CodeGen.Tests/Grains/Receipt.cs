namespace Loyalty.Runtime.CodeGen.Tests.Grains;

public sealed record Receipt(Guid Id, Payment Payment, string? Note);
