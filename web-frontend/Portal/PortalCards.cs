using Loyalty.Web.Storefront;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Web.Portal;

/// <summary>What the signed-in customer does with their cards: see them, export everything, erase themselves.</summary>
public sealed class PortalCards(PortalDirectory directory, IGrainFactory grains, TimeProvider time)
{
    /// <summary>The audit log's actor for a customer's own request from the portal.</summary>
    public const string CustomerActor = "customer";

    // The export holds a card's whole ledger; a card's history page shows it a page at a time.
    private const int WholeLedger = int.MaxValue;

    public async Task<IReadOnlyList<PortalCard>> ListAsync(Guid merchantId, string email, CancellationToken cancellationToken)
    {
        var rows = await directory.ListCardsAsync(merchantId, email, cancellationToken);
        var cards = await Task.WhenAll(rows.Select(async row =>
        {
            var program = await grains.GetGrain<IProgramGrain>(row.ProgramId).GetAsync();
            var expiries = await grains.GetGrain<ICardGrain>(row.CardNumber).GetPointsExpiriesAsync();
            return program is null ? null : new PortalCard(row, program, expiries);
        }));
        return [.. cards.OfType<PortalCard>()];
    }

    /// <summary>The customer's card with this number at the merchant, or null (another customer's cards are not theirs).</summary>
    public async Task<CustomerCardRow?> FindAsync(Guid merchantId, string email, string cardNumber, CancellationToken cancellationToken) =>
        (await directory.ListCardsAsync(merchantId, email, cancellationToken)).FirstOrDefault(card => card.CardNumber == cardNumber);

    public async Task<CustomerExport> ExportAsync(StorefrontMerchant merchant, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var rows = await directory.ListCardsAsync(merchant.Id, email, cancellationToken);
        var cards = new List<ExportCard>(rows.Count);
        foreach (var row in rows)
        {
            var (ledger, _) = await directory.HistoryAsync(row.CardNumber, 1, WholeLedger, cancellationToken);
            cards.Add(new ExportCard(
                row.CardNumber, row.ProgramName, row.CustomerName, row.CustomerEmail, row.CustomerPhone, row.CustomerBirthday, row.CustomerLocale,
                row.Status, row.Stamps, row.RewardsAvailable, row.Points, row.LifetimePoints, row.Tier, row.EnrolledAt, ledger));
        }

        return new CustomerExport(time.GetUtcNow(), email, new ExportMerchant(merchant.Name, merchant.Slug), cards);
    }

    /// <summary>Erases the customer from every card of theirs at the merchant (each card's grain, one after another).</summary>
    public async Task EraseAsync(Guid merchantId, string email, CancellationToken cancellationToken)
    {
        foreach (var row in await directory.ListCardsAsync(merchantId, email, cancellationToken))
        {
            var outcome = await grains.GetGrain<ICardGrain>(row.CardNumber).EraseCustomerAsync(new CustomerErasure(merchantId, CustomerActor));
            if (outcome.Status != CardOutcomeStatus.Applied)
            {
                throw new InvalidOperationException($"Card {row.CardNumber} refused the erasure: {outcome.Error?.Code}.");
            }
        }
    }
}
