namespace Loyalty.Web.Tests.Hosting;

/// <summary>A merchant with a stamps program and one customer's card in it.</summary>
public sealed record TestCustomer(TestStore Store, string Slug, Guid ProgramId, string Email, string CardNumber);
