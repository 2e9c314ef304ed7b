using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Customers;
using Loyalty.Web.Site;
using Loyalty.Web.Storefront;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Storefront;

/// <summary>
/// A program's enrolment form. A valid submission enrols through <see cref="IEnrollmentGrain"/> (one card per program
/// and e-mail, whatever its case: a second enrolment answers with the first card and changes nothing) and redirects to
/// the card's page (POST-redirect-GET). Antiforgery is on, as for every Razor Page form; submissions are rate limited
/// per IP address; a filled-in honeypot field is refused with a 400 and creates nothing.
/// </summary>
[EnableRateLimiting(StorefrontRateLimits.Enrollment)]
public sealed partial class JoinModel(
    StorefrontCatalog catalog,
    IGrainFactory grains,
    CustomerLinks links,
    TimeProvider time,
    IStringLocalizer<SiteStrings> strings,
    ILogger<JoinModel> logger) : StorefrontPageModel(catalog, grains)
{
    [BindProperty]
    public EnrollmentForm Form { get; set; } = new();

    public ProgramDefinition Program { get; private set; } = null!;

    public IReadOnlyList<string> Offer { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string merchantSlug, Guid programId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(merchantSlug, programId, cancellationToken))
            return NotFound();
        Form.Language = SiteLanguages.Current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string merchantSlug, Guid programId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(merchantSlug, programId, cancellationToken))
            return NotFound();
        if (!string.IsNullOrEmpty(Form.Website))
        {
            LogHoneypot(logger, Merchant.Slug);
            return BadRequest();
        }

        ModelState.Clear();
        foreach (var (field, key) in EnrollmentFormValidator.Validate(Form, Today))
            ModelState.AddModelError($"{nameof(Form)}.{field}", strings[key]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var customer = EnrollmentFormValidator.ToCustomer(Form);
        var origin = new OperationOrigin(Merchant.Id, StoreId: null, DeviceId: null, PinId: null, "UTC", $"storefront-{Guid.NewGuid():N}", OccurredAt: null);
        var outcome = await Grains.GetGrain<IEnrollmentGrain>(EnrollmentKeys.Of(programId, customer.Email))
            .EnrollAsync(new EnrollmentRequest(programId, customer, origin));
        if (outcome.Card is not { } card)
        {
            LogRefused(logger, Merchant.Slug, outcome.Status, outcome.Error?.Code);
            ModelState.AddModelError(nameof(Form), strings["Join.Error.Refused"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData[CardModel.NoticeKey] = outcome.Status == CardOutcomeStatus.Existing ? CardModel.ExistingNotice : CardModel.CreatedNotice;
        return Redirect(links.CardPath(Merchant.Slug, card.CardNumber));
    }

    /// <summary>"true" for a field with an error (its <c>aria-invalid</c>), else null (no attribute).</summary>
    public string? Invalid(string field) =>
        ModelState.TryGetValue($"{nameof(Form)}.{field}", out var entry) && entry.Errors.Count > 0 ? "true" : null;

    private async Task<bool> LoadAsync(string merchantSlug, Guid programId, CancellationToken cancellationToken)
    {
        if (!await LoadMerchantAsync(merchantSlug, cancellationToken) || await FindProgramAsync(programId) is not { } program)
            return false;
        Program = program;
        Offer = ProgramOffer.Describe(program, strings);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storefront enrolment with the honeypot filled in refused ({MerchantSlug})")]
    private static partial void LogHoneypot(ILogger logger, string merchantSlug);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storefront enrolment refused by the enrolment grain ({MerchantSlug}): {Status} {Code}")]
    private static partial void LogRefused(ILogger logger, string merchantSlug, CardOutcomeStatus status, string? code);
}
