namespace Loyalty.Wallet.Rate;

/// <summary>
/// Waits for a permit of the cluster's <see cref="IGoogleWalletRateGrain"/> before a Wallet API request (one grain call
/// per request: at 20 requests a second, nothing). Waits on the <see cref="TimeProvider"/>, so tests move time by hand.
/// </summary>
public sealed class GoogleWalletRateLimiter(IGrainFactory grains, TimeProvider time)
{
    private int _waiting;
    private long _granted;

    /// <summary>Callers of this process waiting for their slot now (tests move the clock once every caller waits).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Permits this process was granted.</summary>
    public long Granted => Interlocked.Read(ref _granted);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var rate = grains.GetGrain<IGoogleWalletRateGrain>(0);
        while (true)
        {
            var permit = await rate.AcquireAsync();
            var wait = permit.At - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                Interlocked.Increment(ref _waiting);
                try
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
            }

            if (permit.Granted)
            {
                Interlocked.Increment(ref _granted);
                return;
            }
        }
    }
}
