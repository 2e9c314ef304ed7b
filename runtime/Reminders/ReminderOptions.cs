namespace Loyalty.Runtime.Reminders;

/// <summary>Settings of the durable reminders; <see cref="Validate"/> runs when the registry and the service start.</summary>
public sealed class ReminderOptions
{
    /// <summary>The longest a single sleep of the service may be: far below the ~49.7-day limit of timers.</summary>
    public static readonly TimeSpan MaximumRefreshPeriod = TimeSpan.FromDays(1);

    /// <summary>The longest due time or period accepted, so that schedule arithmetic can never overflow.</summary>
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromDays(36_500);

    /// <summary>Separates clusters that share one database.</summary>
    public string ServiceId { get; set; } = "loyalty";

    /// <summary>The shortest period a reminder may have: one minute in production, a second in tests.</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest the service sleeps before it reads the table again, whatever is due.</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a failed delivery the tick is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many ticks are delivered at the same time.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 16;

    /// <summary>How many due reminders one read of the table returns.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Throws when a setting is out of range, naming the setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ServiceId) || ServiceId.Length > 150)
        {
            throw new InvalidOperationException("ReminderOptions.ServiceId must have 1 to 150 characters.");
        }

        RequireBetween(MinimumPeriod, TimeSpan.FromMilliseconds(1), MaximumDuration, nameof(MinimumPeriod));
        RequireBetween(RefreshPeriod, TimeSpan.FromMilliseconds(1), MaximumRefreshPeriod, nameof(RefreshPeriod));
        RequireBetween(RetryDelay, TimeSpan.FromMilliseconds(1), MaximumRefreshPeriod, nameof(RetryDelay));
        if (MaxConcurrentDeliveries is < 1 or > 1024)
        {
            throw new InvalidOperationException($"ReminderOptions.MaxConcurrentDeliveries must be between 1 and 1024, not {MaxConcurrentDeliveries}.");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            throw new InvalidOperationException($"ReminderOptions.BatchSize must be between 1 and 10000, not {BatchSize}.");
        }
    }

    private static void RequireBetween(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new InvalidOperationException($"ReminderOptions.{name} must be between {min} and {max}, not {value}.");
        }
    }
}
