using System.Globalization;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Web.Problems;

namespace Loyalty.Web.AppleWallet;

/// <summary>Checks of the PassKit web service's path segments, query and bodies, with the contract's names.</summary>
public static class PassKitValidation
{
    public const int MaxLogEntries = 100;
    public const int MaxLogEntryLength = 4096;

    public static ValidationProblem Device(this ValidationProblem problem, string device) =>
        problem.When(!IsIdentifier(device, 128), "deviceLibraryIdentifier", "deviceLibraryIdentifier is 1 to 128 letters, digits, '.', '-' or '_'.");

    public static ValidationProblem PassType(this ValidationProblem problem, string passType) =>
        problem.When(!IsIdentifier(passType, 255), "passTypeIdentifier", "passTypeIdentifier is 1 to 255 letters, digits, '.', '-' or '_'.");

    public static ValidationProblem Serial(this ValidationProblem problem, string serialNumber) =>
        problem.When(!CardNumbers.IsValid(serialNumber), "serialNumber", "serialNumber is a card number.");

    public static ValidationProblem PushToken(this ValidationProblem problem, string? pushToken) =>
        problem.When(pushToken is null || !IsIdentifier(pushToken, 512) || !pushToken.All(char.IsAsciiLetterOrDigit), "pushToken", "pushToken is 1 to 512 letters or digits.");

    public static ValidationProblem Logs(this ValidationProblem problem, IReadOnlyList<string?>? logs)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (logs is null || logs.Count is 0 or > MaxLogEntries)
            return problem.Add("logs", $"logs is a list of 1 to {MaxLogEntries} messages.");
        for (var i = 0; i < logs.Count; i++)
        {
            var field = $"logs[{i}]";
            problem.When(logs[i] is not { Length: > 0 and <= MaxLogEntryLength }, field, $"Each message is 1 to {MaxLogEntryLength} characters.")
                .Text(field, logs[i], multiline: true);
        }

        return problem;
    }

    /// <summary>A "passesUpdatedSince" tag (what <see cref="Tag"/> made), or null when absent; false when malformed.</summary>
    public static bool TryReadTag(string? text, out DateTimeOffset? since)
    {
        since = null;
        if (text is null)
            return true;
        if (text.Length is 0 or > 18 || !text.All(char.IsAsciiDigit) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            || micros > (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks / 10)
            return false;
        since = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        return true;
    }

    /// <summary>The tag of a time: microseconds since 1970 (PostgreSQL's precision, so comparisons are exact).</summary>
    public static string Tag(DateTimeOffset time) =>
        ((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10).ToString(CultureInfo.InvariantCulture);

    private static bool IsIdentifier(string value, int maxLength) =>
        value.Length > 0 && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
