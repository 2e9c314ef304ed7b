namespace Loyalty.Runtime.Core;

/// <summary>
/// On a grain class: its requests interleave at await points. Turns still never run in parallel:
/// an activation executes on one logical thread at a time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
