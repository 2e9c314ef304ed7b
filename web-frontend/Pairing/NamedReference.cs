namespace Loyalty.Web.Pairing;

/// <summary>An <c>{ "id", "name" }</c> pair, as <c>store</c> and <c>merchant</c> in the pairing answer.</summary>
public sealed record NamedReference(Guid Id, string Name);
