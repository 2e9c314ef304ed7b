using Microsoft.Extensions.Options;

namespace Loyalty.Web.Terminal;

public sealed class TerminalOptionsValidator : IValidateOptions<TerminalOptions>
{
    public ValidateOptionsResult Validate(string? name, TerminalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PairRequestsPerMinute is < 1 or > 10_000)
            failures.Add("Loyalty:Terminal:PairRequestsPerMinute must be between 1 and 10000.");
        if (options.PinVerificationsPerMinute is < 1 or > 10_000)
            failures.Add("Loyalty:Terminal:PinVerificationsPerMinute must be between 1 and 10000.");
        if (options.EnrollmentsPerMinute is < 1 or > 10_000)
            failures.Add("Loyalty:Terminal:EnrollmentsPerMinute must be between 1 and 10000.");
        if (options.OfflineWindowDays is < 1 or > 30)
            failures.Add("Loyalty:Terminal:OfflineWindowDays must be between 1 and 30.");
        if (options.OfflinePinMinimumDigits is < 4 or > 9)
            failures.Add("Loyalty:Terminal:OfflinePinMinimumDigits must be between 4 and 9 (9: no offline verifiers).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
