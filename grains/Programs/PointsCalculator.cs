namespace Loyalty.Grains.Programs;

/// <summary>
/// Points for a purchase: floor(amountMinor × pointsPerCurrencyUnit / 10^exponent). Rounding is always down
/// (toward zero; amounts are positive), so a customer never gets points for a fraction of a currency unit that the
/// rate does not cover: EUR 12.99 at 10 points per euro is 129 points, not 130. The product is computed in 128 bits,
/// so no intermediate overflows.
/// </summary>
public static class PointsCalculator
{
    /// <summary>The largest purchase accepted, in minor units: keeps results far inside <see cref="long"/>.</summary>
    public const long MaxPurchaseAmountMinor = 1_000_000_000_000;

    public static long PointsFor(long purchaseAmountMinor, int pointsPerCurrencyUnit, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(purchaseAmountMinor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(purchaseAmountMinor, MaxPurchaseAmountMinor);
        ArgumentOutOfRangeException.ThrowIfNegative(pointsPerCurrencyUnit);
        var product = (Int128)purchaseAmountMinor * pointsPerCurrencyUnit;
        return (long)(product / currency.MinorUnitsPerMajorUnit);
    }
}
