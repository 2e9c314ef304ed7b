namespace Loyalty.Runtime.Invocation;

/// <summary>A call the <see cref="CallTracker"/> can expire.</summary>
internal interface ITrackedCall
{
    DateTimeOffset Deadline { get; }

    void Expire(Exception timeout);
}
