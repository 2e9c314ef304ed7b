namespace Loyalty.Runtime.CodeGen.Tests.Grains;

/// <summary>A plain implementation that requests dispatch to, without any runtime around it.</summary>
public sealed class CounterGrain : ICounterGrain
{
    public int Value { get; private set; }

    public string? LastReason { get; private set; }

    public int Pings { get; private set; }

    public Task<int> AddAsync(int amount) => AddAsync(amount, null);

    public Task<int> AddAsync(int amount, string? reason)
    {
        Value += amount;
        LastReason = reason;
        return Task.FromResult(Value);
    }

    public ValueTask<int> GetAsync() => new(Value);

    public async Task ResetAsync()
    {
        // Completes asynchronously so the request's awaiting path is exercised, not only the synchronous one.
        await Task.Yield();
        Value = 0;
    }

    public ValueTask PingAsync()
    {
        Pings++;
        return ValueTask.CompletedTask;
    }
}
