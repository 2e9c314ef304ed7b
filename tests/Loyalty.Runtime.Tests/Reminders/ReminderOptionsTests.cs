using Loyalty.Runtime.Reminders;

namespace Loyalty.Runtime.Tests.Reminders;

public sealed class ReminderOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new ReminderOptions().Validate();

    [Fact]
    public void Defaults_AreTheProductionSettings()
    {
        var options = new ReminderOptions();

        Assert.Equal(TimeSpan.FromMinutes(1), options.MinimumPeriod);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RetryDelay);
        Assert.Equal(16, options.MaxConcurrentDeliveries);
    }

    [Theory]
    [InlineData(nameof(ReminderOptions.ServiceId))]
    [InlineData(nameof(ReminderOptions.MinimumPeriod))]
    [InlineData(nameof(ReminderOptions.RefreshPeriod))]
    [InlineData(nameof(ReminderOptions.RetryDelay))]
    [InlineData(nameof(ReminderOptions.MaxConcurrentDeliveries))]
    [InlineData(nameof(ReminderOptions.BatchSize))]
    public void Validate_SettingOutOfRange_ThrowsNamingIt(string setting)
    {
        var options = new ReminderOptions();
        switch (setting)
        {
            case nameof(ReminderOptions.ServiceId): options.ServiceId = " "; break;
            case nameof(ReminderOptions.MinimumPeriod): options.MinimumPeriod = TimeSpan.Zero; break;
            // Sleeps longer than a day would approach the 49.7-day timer limit for no benefit.
            case nameof(ReminderOptions.RefreshPeriod): options.RefreshPeriod = TimeSpan.FromDays(50); break;
            case nameof(ReminderOptions.RetryDelay): options.RetryDelay = TimeSpan.FromTicks(-1); break;
            case nameof(ReminderOptions.MaxConcurrentDeliveries): options.MaxConcurrentDeliveries = 0; break;
            default: options.BatchSize = 0; break;
        }

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("ReminderOptions." + setting, error.Message, StringComparison.Ordinal);
    }
}
