namespace Loyalty.Runtime.Transport;

/// <summary>One link of a call chain on the wire: <c>{"grain":"type/key","method":"Name","origin":"guid","id":1}</c>.</summary>
internal sealed record ChainLink(string Grain, string Method, Guid Origin, long Id);
