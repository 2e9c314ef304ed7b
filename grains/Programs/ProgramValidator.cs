using Loyalty.Grains.Cards;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Programs;

/// <summary>
/// Checks a <see cref="ProgramDefinition"/> field by field. Field names are the admin API's camelCase names, with
/// paths for nested values (<c>rewards[1].pointsCost</c>, <c>pointExpiry.days</c>), ready for a 400 <c>validation</c>.
/// </summary>
public static class ProgramValidator
{
    public const int MaxNameLength = 100;
    public const int MaxStampsRequired = 100;
    public const int MaxPointsPerCurrencyUnit = 1_000;
    public const int MaxCooldownSeconds = 86_400;
    public const int MaxExpiryDays = 3_650;
    public const int MaxTermsLength = 20_000;
    public const long MaxWelcomeBonusPoints = 1_000_000;

    public static FieldErrors Validate(ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var errors = new FieldErrors();
        Required(errors, "id", program.Id);
        Required(errors, "merchantId", program.MerchantId);
        Required(errors, "name", program.Name);
        if (program.Name?.Length > MaxNameLength)
            errors.Add("name", $"Must be at most {MaxNameLength} characters.");
        if (!Enum.IsDefined(program.Kind))
            errors.Add("kind", "Must be stamps, points or hybrid.");

        ValidateStamps(program, errors);
        ValidatePoints(program, errors);
        ValidateTiers(program.TierThresholds, errors);
        ValidateTerms(program.Terms, errors);
        return errors;
    }

    private static void ValidateStamps(ProgramDefinition program, FieldErrors errors)
    {
        if (program.StampCooldownSeconds is < 0 or > MaxCooldownSeconds)
            errors.Add("stampCooldownSeconds", $"Must be between 0 and {MaxCooldownSeconds}.");
        if (program.MaxStampsPerCardPerDay is < 1)
            errors.Add("maxStampsPerCardPerDay", "Must be at least 1, or absent for no cap.");
        if (program.MaxStampsPerDevicePerDay is < 1)
            errors.Add("maxStampsPerDevicePerDay", "Must be at least 1, or absent for no cap.");
        if (!program.HasStamps)
        {
            if (program.StampsRequired is not null)
                errors.Add("stampsRequired", "Only stamp and hybrid programs collect stamps.");
            return;
        }

        if (program.StampsRequired is null)
            errors.Add("stampsRequired", "Required for stamp and hybrid programs.");
        else if (program.StampsRequired is < 1 or > MaxStampsRequired)
            errors.Add("stampsRequired", $"Must be between 1 and {MaxStampsRequired}.");
        Required(errors, "stampRewardName", program.StampRewardName);
    }

    private static void ValidatePoints(ProgramDefinition program, FieldErrors errors)
    {
        if (program.WelcomeBonusPoints is < 0 or > MaxWelcomeBonusPoints)
            errors.Add("welcomeBonusPoints", $"Must be between 0 and {MaxWelcomeBonusPoints}.");
        ValidateExpiry(program, errors);
        if (!program.HasPoints)
        {
            if (program.PointsPerCurrencyUnit is not null)
                errors.Add("pointsPerCurrencyUnit", "Only points and hybrid programs earn points.");
            if (program.Rewards.Count > 0)
                errors.Add("rewards", "Only points and hybrid programs have a points reward catalogue.");
            if (program.WelcomeBonusPoints > 0)
                errors.Add("welcomeBonusPoints", "Only points and hybrid programs give bonus points.");
            return;
        }

        if (program.PointsPerCurrencyUnit is null)
            errors.Add("pointsPerCurrencyUnit", "Required for points and hybrid programs.");
        else if (program.PointsPerCurrencyUnit is < 1 or > MaxPointsPerCurrencyUnit)
            errors.Add("pointsPerCurrencyUnit", $"Must be between 1 and {MaxPointsPerCurrencyUnit}.");
        if (string.IsNullOrWhiteSpace(program.Currency))
            errors.Add("currency", "Required for points and hybrid programs.");
        else if (Currencies.Find(program.Currency) is null)
            errors.Add("currency", $"'{program.Currency}' is not a supported ISO 4217 currency.");
        ValidateRewards(program.Rewards, errors);
    }

    private static void ValidateRewards(IReadOnlyList<RewardDefinition> rewards, FieldErrors errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rewards.Count; i++)
        {
            var reward = rewards[i];
            Required(errors, $"rewards[{i}].id", reward.Id);
            if (!string.IsNullOrWhiteSpace(reward.Id) && !ids.Add(reward.Id))
                errors.Add($"rewards[{i}].id", "Duplicate reward id.");
            Required(errors, $"rewards[{i}].name", reward.Name);
            if (reward.PointsCost is < 1 or > CardLimits.MaxPoints)
                errors.Add($"rewards[{i}].pointsCost", $"Must be between 1 and {CardLimits.MaxPoints}.");
        }
    }

    private static void ValidateExpiry(ProgramDefinition program, FieldErrors errors)
    {
        var expiry = program.PointExpiry;
        if (!Enum.IsDefined(expiry.Mode))
        {
            errors.Add("pointExpiry.mode", "Must be none, afterEarning or inactivity.");
            return;
        }

        if (expiry.Mode == PointExpiryMode.None)
            return;
        if (!program.HasPoints)
            errors.Add("pointExpiry.mode", "Only points and hybrid programs have points to expire.");
        if (expiry.Days is < 1 or > MaxExpiryDays)
            errors.Add("pointExpiry.days", $"Must be between 1 and {MaxExpiryDays}.");
    }

    private static void ValidateTiers(TierThresholds tiers, FieldErrors errors)
    {
        if (tiers.Silver is < 1 or > CardLimits.MaxPoints)
            errors.Add("tierThresholds.silver", $"Must be between 1 and {CardLimits.MaxPoints}.");
        if (tiers.Gold <= tiers.Silver || tiers.Gold > CardLimits.MaxPoints)
            errors.Add("tierThresholds.gold", $"Must be greater than the Silver threshold and at most {CardLimits.MaxPoints}.");
    }

    private static void ValidateTerms(LocalizedText terms, FieldErrors errors)
    {
        if (!Locales.IsSupported(terms.DefaultLocale))
            errors.Add("terms.defaultLocale", $"Must be one of {string.Join(", ", Locales.Supported)}.");
        foreach (var (locale, text) in terms.Texts)
        {
            if (!Locales.IsSupported(locale))
                errors.Add($"terms.{locale}", $"Unsupported locale; use one of {string.Join(", ", Locales.Supported)}.");
            else if (text?.Length > MaxTermsLength)
                errors.Add($"terms.{locale}", $"Must be at most {MaxTermsLength} characters.");
        }
    }

    private static void Required(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(field, "Required.");
    }
}
