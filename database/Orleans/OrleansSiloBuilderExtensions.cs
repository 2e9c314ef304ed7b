using Orleans.Hosting;

namespace Loyalty.Database;

/// <summary>
/// Orleans' ADO.NET clustering, grain storage and reminders on <see cref="LoyaltyDatabase"/>, whose <c>orleans</c>
/// migrations create their tables and queries. The host must also call <c>builder.AddLoyaltyDatabase()</c>.
/// </summary>
public static class OrleansSiloBuilderExtensions
{
    /// <summary>Membership in <c>OrleansMembershipTable</c>; clients find this silo's gateway there.</summary>
    public static ISiloBuilder UseLoyaltyDatabaseClustering(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseAdoNetClustering(options => options.ConfigureFromLoyaltyDatabase());
    }

    /// <summary>
    /// A grain storage named <paramref name="name"/> in <c>OrleansStorage</c>. Rows are keyed by state name and grain
    /// key, not grain class: give each grain class its own state name.
    /// </summary>
    public static ISiloBuilder AddLoyaltyDatabaseGrainStorage(this ISiloBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddAdoNetGrainStorage(name, options => options.ConfigureFromLoyaltyDatabase());
    }

    /// <summary>The default grain storage (<c>[PersistentState("name")]</c> without a storage name) in <c>OrleansStorage</c>.</summary>
    public static ISiloBuilder AddLoyaltyDatabaseGrainStorageAsDefault(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddAdoNetGrainStorageAsDefault(options => options.ConfigureFromLoyaltyDatabase());
    }

    /// <summary>
    /// Reminders in <c>OrleansRemindersTable</c>. Orleans refuses periods under <c>ReminderOptions.MinimumReminderPeriod</c>
    /// (one minute unless configured).
    /// </summary>
    public static ISiloBuilder UseLoyaltyDatabaseReminders(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseAdoNetReminderService(options => options.ConfigureFromLoyaltyDatabase());
    }
}
