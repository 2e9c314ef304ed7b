namespace Loyalty.Runtime.Activations;

/// <summary>On a grain class: how long an activation may stay idle before it is collected (overrides the silo default).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAgeLimitAttribute(double minutes) : Attribute
{
    public TimeSpan Age { get; } = TimeSpan.FromMinutes(minutes);
}
