using System.Reflection;

namespace Loyalty.Runtime.Activations;

/// <summary>An assembly whose grain classes the silo hosts (registered with <c>AddGrainsFrom</c>).</summary>
internal sealed record GrainAssembly(Assembly Assembly);
