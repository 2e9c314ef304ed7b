using System.Globalization;
using Loyalty.Database;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.AdminSite;
using Loyalty.Web.AdminSite.Cards;
using Loyalty.Web.Cards;
using Loyalty.Web.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Orleans;
using VoidRequest = Loyalty.Web.Cards.VoidRequest;

namespace Loyalty.Web.Pages.Admin.Cards;

/// <summary>
/// One card: its customer, balances, rewards and ledger, and the changes an admin makes to it (adjust, void, block,
/// unblock) through <see cref="AdminCardChanges"/>, the admin API's own path to the card grain. A card outside the
/// person's scope, or no card, is the 404 page. Each change redirects back here with a success message (post, redirect,
/// get); a refusal shows the page again with the errors at the fields.
/// </summary>
public sealed class CardModel(IGrainFactory grains, LoyaltyDatabase database, IStringLocalizer<CardsStrings> strings) : AdminPageModel
{
    public CardView Card { get; private set; } = null!;

    public ProgramDefinition? CardProgram { get; private set; }

    public string MerchantName { get; private set; } = string.Empty;

    public IReadOnlyList<CardLedgerRow> Ledger { get; private set; } = [];

    public int LedgerPage { get; private set; } = 1;

    public int LedgerPageCount { get; private set; } = 1;

    public long LedgerTotal { get; private set; }

    [BindProperty]
    public AdjustForm Adjust { get; set; } = new();

    [BindProperty]
    public VoidForm Void { get; set; } = new();

    [BindProperty]
    public StatusForm Block { get; set; } = new();

    [BindProperty]
    public StatusForm Unblock { get; set; } = new();

    /// <summary>The ledger entry whose void form is shown open (with its errors) after a refused void.</summary>
    public Guid? OpenVoid { get; private set; }

    /// <summary>Whether the block confirmation is shown open (with its errors) after a refused block.</summary>
    public bool OpenBlock { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cardNumber, int? page, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cardNumber, page, cancellationToken))
            return NotFoundPage();
        Adjust = new AdjustForm { Key = CardPageKeys.New() };
        Block = new StatusForm { Key = CardPageKeys.New() };
        Unblock = new StatusForm { Key = CardPageKeys.New() };
        return Page();
    }

    public async Task<IActionResult> OnPostAdjustAsync(string cardNumber, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cardNumber, 1, cancellationToken))
            return NotFoundPage();
        var stamps = ParseNumber(Adjust.Stamps, "Adjust.Stamps", "Error.stampsDelta");
        var points = ParseNumber(Adjust.Points, "Adjust.Points", "Error.pointsDelta");
        var request = new AdjustmentRequest(stamps is null ? null : (int)Math.Clamp(stamps.Value, int.MinValue, int.MaxValue), points, Adjust.Reason, Adjust.Key);
        Fields(AdminCardChanges.Validate(request), ("stampsDelta", "Adjust.Stamps"), ("pointsDelta", "Adjust.Points"), ("reason", "Adjust.Reason"));
        if (!ModelState.IsValid)
            return Again();
        return await ChangeAsync(
            () => AdminCardChanges.AdjustAsync(grains, Card, Admin.Actor, request),
            strings["Adjust.Done", Signed(request.StampsDelta ?? 0), Signed(request.PointsDelta ?? 0)],
            error => error switch
            {
                { Code: "insufficient-stamps" } => "Adjust.Stamps",
                { Code: "insufficient-points" } => "Adjust.Points",
                _ => string.Empty,
            });
    }

    public async Task<IActionResult> OnPostVoidAsync(string cardNumber, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cardNumber, 1, cancellationToken))
            return NotFoundPage();
        OpenVoid = Void.TransactionId;
        if (ModelState.TryGetValue("Void.TransactionId", out var bound) && bound.Errors.Count > 0)
        {
            // Not a transaction id at all: the check below says so, in the page's language.
            ModelState.Remove("Void.TransactionId");
            Void.TransactionId = null;
        }

        var request = new VoidRequest(Void.TransactionId, Void.Reason, Void.Key);
        Fields(AdminCardChanges.Validate(request), ("reason", "Void.Reason"));
        if (!ModelState.IsValid)
            return Again();
        return await ChangeAsync(() => AdminCardChanges.VoidAsync(grains, Card, Admin.Actor, request), strings["Void.Done"], _ => string.Empty);
    }

    public async Task<IActionResult> OnPostBlockAsync(string cardNumber, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cardNumber, 1, cancellationToken))
            return NotFoundPage();
        OpenBlock = true;
        var request = new CardStatusRequest(Block.Reason, Block.Key);
        Fields(AdminCardChanges.Validate(request), ("reason", "Block.Reason"));
        if (!ModelState.IsValid)
            return Again();
        return await ChangeAsync(() => AdminCardChanges.BlockAsync(grains, Card, Admin.Actor, request), strings["Block.Done"], _ => string.Empty);
    }

    public async Task<IActionResult> OnPostUnblockAsync(string cardNumber, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cardNumber, 1, cancellationToken))
            return NotFoundPage();
        var request = new CardStatusRequest(Unblock.Reason, Unblock.Key);
        Fields(AdminCardChanges.Validate(request), ("reason", "Unblock.Reason"));
        if (!ModelState.IsValid)
            return Again();
        return await ChangeAsync(() => AdminCardChanges.UnblockAsync(grains, Card, Admin.Actor, request), strings["Unblock.Done"], _ => string.Empty);
    }

    public static string Signed(long value) => value > 0
        ? "+" + value.ToString("N0", CultureInfo.CurrentCulture)
        : value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>
    /// Sends the change; success redirects with the message, a refusal shows the page again with its error: at the field
    /// <paramref name="fieldOf"/> names, or above the forms (a void or block refused by the card's state, whose form the
    /// page may no longer show).
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<CardOutcome>> change, string done, Func<CardError, string> fieldOf)
    {
        CardOutcome outcome;
        try
        {
            outcome = await change();
        }
        catch (Exception exception) when (ProblemExceptionHandler.IsRetryable(exception))
        {
            // Outcome unknown: the page keeps the form's key, so sending it again applies the change once.
            ModelState.AddModelError(string.Empty, strings["Unavailable"]);
            return Page();
        }

        if (outcome.Status is CardOutcomeStatus.Applied or CardOutcomeStatus.Existing)
        {
            Flash(done);
            return RedirectToPage(new { cardNumber = Card.CardNumber });
        }

        var error = outcome.Error ?? new CardError("refused", "The change was refused.");
        if (error is { Code: ProblemCodes.Validation, Errors: { } ruleErrors })
        {
            // The program's own rules: a stamps-only program takes no points, a points program no stamps.
            foreach (var field in ruleErrors.Keys)
            {
                if (field == "pointsDelta")
                    ModelState.AddModelError("Adjust.Points", strings[CardProgram is { HasPoints: false } ? "Error.NoPoints" : "Error.pointsDelta"]);
                else if (field == "stampsDelta")
                    ModelState.AddModelError("Adjust.Stamps", strings[CardProgram is { HasStamps: false } ? "Error.NoStamps" : "Error.stampsDelta"]);
                else
                    ModelState.AddModelError(fieldOf(error), strings["Refused.Other", error.Code]);
            }
        }
        else
        {
            var message = strings["Refused." + error.Code];
            ModelState.AddModelError(fieldOf(error), message.ResourceNotFound ? strings["Refused.Other", error.Code] : message);
        }

        return Again();
    }

    /// <summary>The page again after a refusal, with new keys: the refused key is spent on its answer.</summary>
    private PageResult Again()
    {
        Adjust.Key = CardPageKeys.New();
        Void.Key = CardPageKeys.New();
        Block.Key = CardPageKeys.New();
        Unblock.Key = CardPageKeys.New();
        return Page();
    }

    private async Task<bool> LoadAsync(string cardNumber, int? page, CancellationToken cancellationToken)
    {
        var number = new string((cardNumber ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
        if (CardNumbers.Validate(number) is { IsValid: false })
            return false;
        if (await grains.GetGrain<ICardGrain>(number).GetAsync() is not { } card || !await AdminCardScope.MaySeeAsync(database, Admin, card, cancellationToken))
            return false;

        Card = card;
        CardProgram = await grains.GetGrain<IProgramGrain>(card.ProgramId).GetAsync();
        MerchantName = await MerchantNameAsync(card.MerchantId, cancellationToken);
        var (items, total) = await CardLedger.ReadAsync(database, card.CardNumber, Math.Max(page ?? 1, 1), cancellationToken);
        LedgerPage = Math.Max(page ?? 1, 1);
        Ledger = items;
        LedgerTotal = total;
        LedgerPageCount = (int)Math.Max(1, (total + CardLedger.PageSize - 1) / CardLedger.PageSize);
        return true;
    }

    private async Task<string> MerchantNameAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT name FROM merchants WHERE merchant_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = merchantId });
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? string.Empty;
    }

    /// <summary>A whole number or nothing; anything else is the field's localized error (and no number).</summary>
    private long? ParseNumber(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        ModelState.AddModelError(field, strings[message]);
        return null;
    }

    /// <summary>
    /// The shared checks' errors on this page's fields, with localized messages; a field that already has its own error
    /// (a number that did not parse) keeps it. Fields without a form field (the hidden key) go above the forms.
    /// </summary>
    private void Fields(ValidationProblem problem, params (string Field, string Form)[] fields)
    {
        var unparsed = !ModelState.IsValid;
        foreach (var field in problem.Fields)
        {
            var form = fields.FirstOrDefault(f => f.Field == field).Form ?? string.Empty;
            var taken = ModelState.TryGetValue(form, out var entry) && entry.Errors.Count > 0;
            // "Adjust stamps, points or both" is no news when a number did not parse.
            if (!taken && !(unparsed && field == "stampsDelta"))
                ModelState.AddModelError(form, strings["Error." + field]);
        }
    }
}
