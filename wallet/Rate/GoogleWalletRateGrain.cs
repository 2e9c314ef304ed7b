using Microsoft.Extensions.Options;

namespace Loyalty.Wallet.Rate;

/// <summary>
/// Slots spaced <c>1 s / RequestsPerSecond</c> apart, never more than <see cref="Horizon"/> ahead of now. A new
/// activation (after a crash, or an idle collection) starts its first slot a horizon ahead: the slots the previous
/// activation handed out all lie before that, so two activations' permits never share a second.
/// </summary>
public sealed class GoogleWalletRateGrain(IOptions<GoogleWalletOptions> options, TimeProvider time) : Grain, IGoogleWalletRateGrain
{
    public static readonly TimeSpan Horizon = TimeSpan.FromSeconds(1);
    private DateTimeOffset _next;

    private TimeSpan Spacing => TimeSpan.FromTicks(TimeSpan.TicksPerSecond / options.Value.RequestsPerSecond);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _next = time.GetUtcNow() + Horizon;
        return Task.CompletedTask;
    }

    public Task<RatePermit> AcquireAsync()
    {
        var now = time.GetUtcNow();
        var slot = _next > now ? _next : now;
        if (slot - now > Horizon)
        {
            // Ask again once this slot is within the horizon.
            return Task.FromResult(new RatePermit(false, slot - Horizon));
        }

        _next = slot + Spacing;
        return Task.FromResult(new RatePermit(true, slot));
    }
}
