namespace Loyalty.Runtime.Core;

/// <summary>
/// On a grain interface method: the method does not change the grain's state, so read-only requests
/// may run interleaved with each other (never with a request that may write).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class ReadOnlyAttribute : Attribute;
