using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;
using Loyalty.Grains.Programs;
using Loyalty.Web.Pairing;
using Loyalty.Web.Problems;
using Loyalty.Web.Programs;
using Loyalty.Web.Site;
using Loyalty.Web.Storefront;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>
/// Builds the program editor's preview without saving anything: the form is mapped exactly as the admin API maps a
/// request (<see cref="ProgramRequestMapper"/>) and checked by the rules the program grain applies
/// (<see cref="ProgramValidator"/>, <see cref="ProgramTextRules"/>: plain code, no grain state), so a preview shows the
/// same field errors a save would; then the storefront's texts are drawn in the chosen language.
/// </summary>
public sealed class ProgramPreviewBuilder(IStringLocalizer<SiteStrings> site, TimeProvider timeProvider)
{
    /// <summary>The card number the preview shows: a valid-looking sample, never a real card's.</summary>
    public const string SampleCardNumber = "0000000000000000";

    /// <summary>The preview, or null with the field errors (request paths) in <paramref name="errors"/>.</summary>
    public ProgramPreview? Build(
        Guid merchantId, Guid programId, MerchantDetails merchant, ProgramForm form, string language, out IReadOnlyDictionary<string, IReadOnlyList<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(form);
        var problem = new ValidationProblem();
        var mapped = ProgramRequestMapper.Map(programId, merchantId, form.ToCreateRequest(), problem);
        if (mapped is null)
        {
            errors = problem.Errors;
            return null;
        }

        // Saved rewards keep their ids; new ones get a stand-in, as the grain would give them one.
        var program = mapped with
        {
            Rewards = [.. mapped.Rewards.Select(reward => reward with { Id = Guid.NewGuid().ToString("D") })],
            Name = mapped.Name.Trim(),
        };
        var rules = ProgramValidator.Validate(program);
        ProgramTextRules.Validate(mapped, rules);
        errors = rules.ToDictionary();
        if (!rules.IsEmpty)
            return null;

        var lang = Locales.IsSupported(language) ? language.ToLowerInvariant() : merchant.DefaultLocale;
        using var scope = CultureScope.Use(lang);
        var groups = string.Join(' ', SampleCardNumber.Chunk(4).Select(group => new string(group)));
        return new ProgramPreview(
            lang,
            new ProgramCardView(program.Name, ProgramOffer.Describe(program, site), null, null),
            new CardFaceView(merchant.Name, program.Name, groups, QrCodes.PngBase64(SampleCardNumber), IsPage: false),
            new CardBalanceView(program, 0, program.HasPoints ? program.WelcomeBonusPoints : 0, 0, timeProvider.GetUtcNow(), merchant.Slug, merchant.Name),
            ProgramOffer.Expiry(program, site),
            StoreDescriptions.TryResolve(program.Terms.Texts, lang, merchant.DefaultLocale, out var termsLocale, out var terms)
                ? new LocalizedChoice(terms, termsLocale)
                : null);
    }
}
