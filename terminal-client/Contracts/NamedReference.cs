namespace Loyalty.TerminalClient.Contracts;

/// <summary>An <c>{ "id", "name" }</c> pair, as <c>store</c> and <c>merchant</c> in the pairing answer.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
public sealed record NamedReference(Guid Id, string Name);
