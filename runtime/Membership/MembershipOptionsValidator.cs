using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Membership;

/// <summary>Rejects membership timings that would let healthy silos be declared dead, at start-up.</summary>
public sealed class MembershipOptionsValidator : IValidateOptions<MembershipOptions>
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, MembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceId) || options.ServiceId.Length > 150)
        {
            failures.Add("MembershipOptions.ServiceId must have 1 to 150 characters.");
        }

        RequireBetween(failures, options.HeartbeatPeriod, Millisecond, TimeSpan.FromMinutes(1), nameof(options.HeartbeatPeriod));
        RequireBetween(failures, options.DeathTimeout, Millisecond, TimeSpan.FromMinutes(10), nameof(options.DeathTimeout));
        RequireBetween(failures, options.RefreshPeriod, Millisecond, TimeSpan.FromMinutes(10), nameof(options.RefreshPeriod));
        RequireBetween(failures, options.DeadRowRetention, TimeSpan.Zero, TimeSpan.FromDays(365), nameof(options.DeadRowRetention));
        RequireBetween(failures, options.CleanupPeriod, Millisecond, Day, nameof(options.CleanupPeriod));
        RequireBetween(failures, options.MaxReconnectDelay, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), nameof(options.MaxReconnectDelay));

        // A silo must miss at least two heartbeats before anyone may call it dead.
        if (options.DeathTimeout <= 2 * options.HeartbeatPeriod)
        {
            failures.Add($"MembershipOptions.DeathTimeout ({options.DeathTimeout}) must be more than twice HeartbeatPeriod ({options.HeartbeatPeriod}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireBetween(List<string> failures, TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            failures.Add($"MembershipOptions.{name} must be between {min} and {max} (was {value}).");
        }
    }
}
