using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Storefront;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>
/// What a customer would see of a program not saved yet, in <see cref="Language"/>: its entry on the merchant page,
/// and a new card's page (the card, then the balance with the welcome bonus). The views are the storefront's own
/// partials' models, so the preview is drawn by the same markup and CSS.
/// </summary>
public sealed record ProgramPreview(
    string Language,
    ProgramCardView Listing,
    CardFaceView Face,
    CardBalanceView Balance,
    string? Expiry,
    LocalizedChoice? Terms);
