namespace Loyalty.Runtime.Tests.Reminders;

/// <summary>One PostgreSQL server for all reminder tests; each test uses its own service id.</summary>
[CollectionDefinition(Name)]
public sealed class ReminderDatabaseCollection : ICollectionFixture<ReminderTestDatabase>
{
    public const string Name = "Reminder database";
}
