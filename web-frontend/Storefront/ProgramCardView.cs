namespace Loyalty.Web.Storefront;

/// <summary>
/// A program as the merchant page lists it (partial <c>_ProgramCard</c>): its name, what it gives, and links to join and
/// to its terms. The admin program editor's preview renders the same partial without links (the program may not exist yet).
/// </summary>
public sealed record ProgramCardView(string Name, IReadOnlyList<string> Offer, string? JoinHref, string? TermsHref);
