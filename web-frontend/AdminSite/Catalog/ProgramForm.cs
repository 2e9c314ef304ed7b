using System.Globalization;
using System.Text.Json;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Programs;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>
/// The program editor's fields: the admin API's program request, field for field (so the validator's field names
/// land on them), plus blank reward rows to fill in. Blank rows are left out of the request; <see cref="RewardRows"/>
/// remembers which row each request reward came from, for its errors.
/// </summary>
public sealed class ProgramForm
{
    /// <summary>Empty reward rows the editor offers below the program's rewards.</summary>
    public const int SpareRewardRows = 2;

    public string? Name { get; set; }

    public string? Kind { get; set; } = "stamps";

    public int? StampsRequired { get; set; }

    public string? StampRewardName { get; set; }

    public int? PointsPerCurrencyUnit { get; set; }

    public string? Currency { get; set; }

    public List<RewardForm> Rewards { get; set; } = [];

    public long? WelcomeBonusPoints { get; set; }

    public int? StampCooldownSeconds { get; set; }

    public int? MaxStampsPerCardPerDay { get; set; }

    public int? MaxStampsPerDevicePerDay { get; set; }

    public PointExpiryForm PointExpiry { get; set; } = new();

    public LocalizedTexts Terms { get; set; } = new();

    private List<int> RewardRows => [.. Rewards.Select((reward, row) => (reward, row)).Where(r => !r.reward.IsBlank).Select(r => r.row)];

    public static ProgramForm From(ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new ProgramForm
        {
            Name = program.Name,
            Kind = JsonNamingPolicy.CamelCase.ConvertName(program.Kind.ToString()),
            StampsRequired = program.StampsRequired,
            StampRewardName = program.StampRewardName,
            PointsPerCurrencyUnit = program.PointsPerCurrencyUnit,
            Currency = program.Currency,
            Rewards = [.. program.Rewards.Select(reward => new RewardForm { Id = reward.Id, Name = reward.Name, PointsCost = reward.PointsCost })],
            WelcomeBonusPoints = program.WelcomeBonusPoints,
            StampCooldownSeconds = program.StampCooldownSeconds,
            MaxStampsPerCardPerDay = program.MaxStampsPerCardPerDay,
            MaxStampsPerDevicePerDay = program.MaxStampsPerDevicePerDay,
            PointExpiry = new PointExpiryForm
            {
                Mode = JsonNamingPolicy.CamelCase.ConvertName(program.PointExpiry.Mode.ToString()),
                Days = program.PointExpiry.Mode == PointExpiryMode.None ? null : program.PointExpiry.Days,
            },
            Terms = LocalizedTexts.From(program.Terms.Texts),
        };
    }

    /// <summary>
    /// Ends the reward rows with <see cref="SpareRewardRows"/> empty ones. Rows already there stay where they are: a
    /// form shown again keeps each row's values and errors on the row they were typed in.
    /// </summary>
    public ProgramForm WithSpareRows()
    {
        var trailingBlanks = Rewards.AsEnumerable().Reverse().TakeWhile(reward => reward.IsBlank).Count();
        for (var i = trailingBlanks; i < SpareRewardRows; i++)
            Rewards.Add(new RewardForm());
        return this;
    }

    public CreateProgramRequest ToCreateRequest() => ProgramRequestMapper.AsCreate(ToUpdateRequest());

    public UpdateProgramRequest ToUpdateRequest() => new(
        Name,
        Kind,
        StampsRequired,
        StampRewardName,
        PointsPerCurrencyUnit,
        Blank(Currency),
        [.. Rewards.Where(reward => !reward.IsBlank).Select(reward => new RewardUpdateRequest(Blank(reward.Id), reward.Name, reward.PointsCost))],
        WelcomeBonusPoints,
        StampCooldownSeconds,
        MaxStampsPerCardPerDay,
        MaxStampsPerDevicePerDay,
        new PointExpiryRequest(PointExpiry.Mode, PointExpiry.Days),
        Terms.ToDictionary());

    /// <summary>A request path's reward index (<c>rewards[1]...</c>) turned into the form row it came from.</summary>
    public string ToFormPath(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        const string prefix = "rewards[";
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
            return field;
        var close = field.IndexOf(']', StringComparison.Ordinal);
        var rows = RewardRows;
        return close > prefix.Length
               && int.TryParse(field.AsSpan(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
               && index < rows.Count
            ? $"{prefix}{rows[index].ToString(CultureInfo.InvariantCulture)}{field[close..]}"
            : field;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
