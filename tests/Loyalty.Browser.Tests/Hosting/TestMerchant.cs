namespace Loyalty.Browser.Tests.Hosting;

public sealed record TestMerchant(Guid Id, string Name, string Slug);
