namespace Loyalty.Runtime.Invocation;

/// <summary>Scheduling properties of one grain method, taken from attributes on the interface method.</summary>
[Flags]
public enum InvokeMethodOptions
{
    None = 0,

    /// <summary><see cref="Core.ReadOnlyAttribute"/>: may interleave with other read-only requests.</summary>
    ReadOnly = 1,

    /// <summary><see cref="Core.AlwaysInterleaveAttribute"/>: may interleave with any request.</summary>
    AlwaysInterleave = 2,
}
