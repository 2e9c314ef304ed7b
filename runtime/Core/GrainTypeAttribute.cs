namespace Loyalty.Runtime.Core;

/// <summary>
/// Pins the grain type name of a grain interface. Without it the name is the interface name
/// without the leading <c>I</c> and trailing <c>Grain</c>, lower-cased (<c>ICardGrain</c> → <c>card</c>).
/// The name is part of every grain id, every stored state row and every reminder row: never rename it.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
