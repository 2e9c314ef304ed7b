namespace Loyalty.Database.Tests.TestGrains;

/// <summary>Registers one reminder and counts its ticks in memory.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task StopAsync();

    Task<int> TicksAsync();

    /// <summary>Whether Orleans still knows the reminder (reads the reminder table).</summary>
    Task<bool> IsRegisteredAsync();
}
