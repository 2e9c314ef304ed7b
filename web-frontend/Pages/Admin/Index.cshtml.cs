using Loyalty.Web.AdminSite;
using Loyalty.Web.Analytics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin;

/// <summary>
/// The admin dashboard: a merchant's figures from the ledger for a range of local days (ADR 0028), filtered by store
/// and program. Platform admins choose the merchant; owners see theirs; store staff their store. Another merchant's or
/// store's id in the query string answers the not-found page.
/// </summary>
public sealed class IndexModel(
    AnalyticsReadModel analytics,
    AnalyticsScopeReadModel scopes,
    TimeProvider time,
    IStringLocalizer<DashboardStrings> texts) : AdminPageModel
{
    /// <summary>The range presets offered as links, in days ending today.</summary>
    public static readonly int[] Presets = [7, 30, 90];

    public const int DefaultDays = 30;

    [BindProperty(SupportsGet = true, Name = "merchant")]
    public string? MerchantParameter { get; set; }

    [BindProperty(SupportsGet = true, Name = "store")]
    public string? StoreParameter { get; set; }

    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramParameter { get; set; }

    [BindProperty(SupportsGet = true, Name = "days")]
    public string? DaysParameter { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public IReadOnlyList<AnalyticsChoice> Merchants { get; private set; } = [];

    public AnalyticsChoice? Merchant { get; private set; }

    public AnalyticsScope? Scope { get; private set; }

    public Guid? StoreId { get; private set; }

    public Guid? ProgramId { get; private set; }

    public string Role => Admin.Role;

    public bool StoreFixed => Admin.IsStoreStaff;

    public bool MerchantFixed => !Admin.IsPlatformAdmin;

    /// <summary>The preset in use (7, 30 or 90), or null for chosen dates.</summary>
    public int? Preset { get; private set; }

    public AnalyticsReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!TryParse(MerchantParameter, out var merchantParameter) || !TryParse(StoreParameter, out var storeParameter)
            || !TryParse(ProgramParameter, out var programParameter))
        {
            return NotFoundPage();
        }

        Merchants = await scopes.MerchantsAsync(Admin.IsPlatformAdmin ? null : Admin.MerchantId, cancellationToken);
        var merchantId = merchantParameter ?? (Admin.IsPlatformAdmin ? (Merchants.Count > 0 ? (Guid?)Merchants[0].Id : null) : Admin.MerchantId);
        Merchant = Merchants.FirstOrDefault(m => m.Id == merchantId);
        if (merchantId is null && Admin.IsPlatformAdmin)
        {
            return Page();
        }

        if (Merchant is null || !Admin.CanAccessMerchant(Merchant.Id))
        {
            return NotFoundPage();
        }

        Scope = await scopes.ScopeAsync(Merchant.Id, cancellationToken);
        StoreId = Admin.IsStoreStaff ? Admin.StoreId : storeParameter;
        if ((storeParameter is { } store && (store != StoreId || Scope.Stores.All(s => s.Id != store)))
            || (StoreId is { } fixedStore && !Admin.CanAccessStore(Merchant.Id, fixedStore))
            || (programParameter is { } program && Scope.Programs.All(p => p.Id != program)))
        {
            return NotFoundPage();
        }

        ProgramId = programParameter;
        var timeZone = Scope.TimeZoneFor(StoreId);
        if (ReadRange(LocalDays.DayOf(time.GetUtcNow(), timeZone)) is not { } range)
        {
            return Page();
        }

        Report = await analytics.ReadAsync(new AnalyticsQuery(Merchant.Id, StoreId, ProgramId, range.From, range.To, timeZone), cancellationToken);
        return Page();
    }

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public string? ErrorOf(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>A rate as a percentage with one decimal in the reader's culture; <paramref name="none"/> when there is no rate.</summary>
    public static string Percent(decimal? rate, string none) =>
        rate is { } value ? value.ToString("P1", System.Globalization.CultureInfo.CurrentCulture) : none;

    /// <summary>The address of this page with the current filters and <paramref name="days"/> ending today.</summary>
    public string PresetLink(int days)
    {
        var query = new List<string>();
        if (!MerchantFixed && Merchant is not null)
        {
            query.Add("merchant=" + Merchant.Id.ToString("D"));
        }

        if (!StoreFixed && StoreId is { } store)
        {
            query.Add("store=" + store.ToString("D"));
        }

        if (ProgramId is { } program)
        {
            query.Add("program=" + program.ToString("D"));
        }

        query.Add("days=" + days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/admin?" + string.Join('&', query);
    }

    // Chosen dates win over a preset; without either, the last 30 days. Today is the local day in the figures' time zone.
    private (DateOnly From, DateOnly To)? ReadRange(DateOnly today)
    {
        if (string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To))
        {
            Preset = int.TryParse(DaysParameter, System.Globalization.CultureInfo.InvariantCulture, out var days) && Presets.Contains(days) ? days : DefaultDays;
            var from = today.AddDays(-(Preset.Value - 1));
            (From, To) = (Iso(from), Iso(today));
            return (from, today);
        }

        var first = ParseDate(nameof(From), From, "Error.FromRequired");
        var last = ParseDate(nameof(To), To, "Error.ToRequired");
        if (first is { } f && last is { } l)
        {
            if (f > l)
            {
                ModelState.AddModelError(nameof(To), texts["Error.Order"]);
            }
            else if (l.DayNumber - f.DayNumber + 1 > AnalyticsQuery.MaxDays)
            {
                ModelState.AddModelError(nameof(From), texts["Error.TooLong", AnalyticsQuery.MaxDays]);
            }
            else
            {
                return (f, l);
            }
        }

        return null;
    }

    private DateOnly? ParseDate(string field, string? value, string requiredKey)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, texts[requiredKey]);
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, texts["Error.Date"]);
        return null;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static bool TryParse(string? value, out Guid? id)
    {
        id = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (Guid.TryParse(value, out var parsed))
        {
            id = parsed;
            return true;
        }

        return false;
    }
}
