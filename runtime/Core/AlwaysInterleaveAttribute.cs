namespace Loyalty.Runtime.Core;

/// <summary>On a grain interface method: requests to it interleave with any other request of the activation.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;
