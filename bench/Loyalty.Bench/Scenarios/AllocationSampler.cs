using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Loyalty.Bench.Scenarios;

/// <summary>
/// Which types a scenario allocates, from the runtime's allocation samples (<c>GCAllocationTick</c>: one event per
/// ~100 KB allocated, naming the type of the object that crossed the mark), so its bytes split by type in proportion.
/// Listening costs little but not nothing: the bench samples only when asked (<c>--allocations</c>).
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    /// <summary>The sampled types with the largest shares, largest first: (type, share of the sampled bytes).</summary>
    public IReadOnlyList<(string Type, double Share)> Top(int count)
    {
        var total = (double)_bytesByType.Values.Sum();
        return total == 0
            ? []
            : [.. _bytesByType.OrderByDescending(pair => pair.Value).Take(count).Select(pair => (pair.Key, pair.Value / total))];
    }

    /// <summary>The top types as lines for the console, with bytes per operation.</summary>
    public IEnumerable<string> Report(int count, double allocatedBytesPerOperation) =>
        Top(count).Select(entry => string.Create(
            CultureInfo.InvariantCulture, $"    {entry.Share,6:P1}  {entry.Share * allocatedBytesPerOperation,8:N0} B/op  {entry.Type}"));

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is >= 0 and var t ? eventData.Payload![t] as string : null;
        var amount = names.IndexOf("AllocationAmount64") is >= 0 and var a ? Convert.ToInt64(eventData.Payload![a], CultureInfo.InvariantCulture) : 0;
        _bytesByType.AddOrUpdate(type ?? "(unknown)", amount, (_, sum) => sum + amount);
    }
}
