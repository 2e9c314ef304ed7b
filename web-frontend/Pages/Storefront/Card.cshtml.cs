using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Customers;
using Loyalty.Wallet.Passes;
using Loyalty.Web.Pairing;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Pages.Storefront;

/// <summary>
/// A card's page (the enrolment's success page, and the customer's bookmark): number, QR code, balance and progress.
/// The token is <see cref="CustomerLinks"/>' protected card number; an altered token, or another merchant's card,
/// answers the 404 page.
/// </summary>
public sealed class CardModel(StorefrontCatalog catalog, IGrainFactory grains, CustomerLinks links, GoogleWalletLinks wallet) : StorefrontPageModel(catalog, grains)
{
    public const string NoticeKey = "enrolment";
    public const string CreatedNotice = "created";
    public const string ExistingNotice = "existing";

    public CardView Card { get; private set; } = null!;

    public ProgramDefinition Program { get; private set; } = null!;

    /// <summary>What the enrolment that led here did (a one-time message); null on a reload or a later visit.</summary>
    public string? Notice { get; private set; }

    public string CardNumberGroups => string.Join(' ', Card.CardNumber.Chunk(4).Select(group => new string(group)));

    /// <summary>The "Add to Google Wallet" button's address, or null when Google Wallet is not configured.</summary>
    public string? GoogleWalletHref => wallet.Enabled ? wallet.SavePath(Merchant.Slug, Card.CardNumber) : null;

    /// <summary>The QR code terminals scan: the card number, as a PNG.</summary>
    public string QrCodePng => QrCodes.PngBase64(Card.CardNumber);

    public CardFaceView Face => new(
        Merchant.Name, Program.Name, CardNumberGroups, QrCodePng, IsPage: true,
        CardPagePath: links.CardPath(Merchant.Slug, Card.CardNumber), GoogleWalletHref: GoogleWalletHref);

    /// <summary>The balance panel: stamps, points, rewards to take.</summary>
    public CardBalanceView Balance => new(Program, Card.Stamps, Card.Points, Card.RewardsAvailable, Card.EnrolledAt, Merchant.Slug, Merchant.Name);

    public async Task<IActionResult> OnGetAsync(string merchantSlug, string token, CancellationToken cancellationToken)
    {
        if (!await LoadMerchantAsync(merchantSlug, cancellationToken)
            || links.ReadCardToken(token) is not { } number
            || !CardNumbers.IsValid(number)
            || await Grains.GetGrain<ICardGrain>(number).GetAsync() is not { } card
            || card.MerchantId != Merchant.Id
            || await FindProgramAsync(card.ProgramId) is not { } program)
        {
            return NotFound();
        }

        Card = card;
        Program = program;
        Notice = TempData[NoticeKey] as string;
        return Page();
    }
}
