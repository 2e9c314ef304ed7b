using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Programs;

/// <summary>
/// Turns a <see cref="CreateProgramRequest"/> into a <see cref="ProgramDefinition"/>. Only what the definition cannot
/// hold is checked here (a kind or expiry mode that is not one of the names, a null list entry); the program grain
/// checks the rules themselves.
/// </summary>
public static class ProgramRequestMapper
{
    /// <summary>Points programs mostly run in the euro area; a request may leave the currency out.</summary>
    public const string DefaultCurrency = "EUR";

    public static ProgramDefinition? Map(Guid programId, Guid merchantId, CreateProgramRequest request, ValidationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problem);
        var kind = ParseName<ProgramKind>(request.Kind, "kind", "stamps, points or hybrid", problem);
        var mode = ParseName<PointExpiryMode>(request.PointExpiry?.Mode ?? "none", "pointExpiry.mode", "none, afterEarning or inactivity", problem);
        var rewards = new List<RewardDefinition>();
        for (var i = 0; i < (request.Rewards?.Count ?? 0); i++)
        {
            var reward = request.Rewards![i];
            if (reward is null)
                problem.Add($"rewards[{i}]", "Required.");
            else if (reward.PointsCost is null)
                problem.Add($"rewards[{i}].pointsCost", "Required.");
            else
                rewards.Add(new RewardDefinition("", reward.Name ?? "", reward.PointsCost.Value));
        }

        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (locale, text) in request.Terms ?? new Dictionary<string, string?>())
        {
            if (text is null)
                problem.Add($"terms.{locale}", "Must be a text; leave the locale out instead.");
            else
                terms[locale] = text;
        }

        if (problem.HasErrors || kind is not { } programKind || mode is not { } expiryMode)
            return null;
        var hasPoints = programKind is ProgramKind.Points or ProgramKind.Hybrid;
        return new ProgramDefinition
        {
            Id = programId.ToString("D"),
            MerchantId = merchantId.ToString("D"),
            Name = request.Name ?? "",
            Kind = programKind,
            StampsRequired = request.StampsRequired,
            StampRewardName = request.StampRewardName,
            PointsPerCurrencyUnit = request.PointsPerCurrencyUnit,
            Currency = request.Currency ?? (hasPoints ? DefaultCurrency : null),
            Rewards = rewards,
            WelcomeBonusPoints = request.WelcomeBonusPoints ?? 0,
            StampCooldownSeconds = request.StampCooldownSeconds ?? 0,
            MaxStampsPerCardPerDay = request.MaxStampsPerCardPerDay,
            MaxStampsPerDevicePerDay = request.MaxStampsPerDevicePerDay,
            PointExpiry = new PointExpiryPolicy(expiryMode, request.PointExpiry?.Days ?? 0),
            Terms = new LocalizedText(terms),
        };
    }

    /// <summary>
    /// Maps an update like a create; each reward keeps the id the request gave it (empty for a new one), which the
    /// program grain checks against the program's rewards.
    /// </summary>
    public static ProgramDefinition? Map(Guid programId, Guid merchantId, UpdateProgramRequest request, ValidationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asCreate = AsCreate(request);
        if (Map(programId, merchantId, asCreate, problem) is not { } program)
            return null;

        // Map succeeded, so every reward of the request is there, in order.
        return program with
        {
            Rewards = [.. program.Rewards.Select((reward, i) => reward with { Id = request.Rewards![i]!.Id ?? "" })],
        };
    }

    /// <summary>The same rules as a create request: what an update says, without the reward ids.</summary>
    public static CreateProgramRequest AsCreate(UpdateProgramRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new CreateProgramRequest(
            request.Name,
            request.Kind,
            request.StampsRequired,
            request.StampRewardName,
            request.PointsPerCurrencyUnit,
            request.Currency,
            request.Rewards?.Select(reward => reward is null ? null : new RewardRequest(reward.Name, reward.PointsCost)).ToList(),
            request.WelcomeBonusPoints,
            request.StampCooldownSeconds,
            request.MaxStampsPerCardPerDay,
            request.MaxStampsPerDevicePerDay,
            request.PointExpiry,
            request.Terms);
    }

    // Names only, exactly as the contract spells them: numbers and other casings are refused.
    private static TEnum? ParseName<TEnum>(string? value, string field, string allowed, ValidationProblem problem)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            problem.Add(field, "Required.");
            return null;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(candidate.ToString()), value, StringComparison.Ordinal))
                return candidate;
        }

        problem.Add(field, $"Must be {allowed}.");
        return null;
    }
}
