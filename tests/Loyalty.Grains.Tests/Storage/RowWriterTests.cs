using Loyalty.Grains.Storage;
using Loyalty.Testing;
using Npgsql;
using static Loyalty.Grains.Tests.Storage.StorageSql;

namespace Loyalty.Grains.Tests.Storage;

public sealed class RowWriterTests(StorageDatabase database) : IClassFixture<StorageDatabase>
{
    [Fact]
    public async Task WriteAsync_RowsOfSeveralTables_CommitsThemInOneTransaction()
    {
        var writer = new RowWriter(() => database.DataSource);
        var merchantId = Guid.NewGuid();

        await writer.WriteAsync(
            [Merchant(merchantId, "Bakery"), Store(merchantId, "main"), Store(merchantId, "station"), Audit(merchantId, "merchant.created"), Audit(null, "platform.note")],
            CancellationToken.None);

        Assert.Equal(2, await CountAsync(database.DataSource, "SELECT count(*) FROM stores WHERE merchant_id = $1", merchantId));
        Assert.Equal("{\"by\": \"test\"}", await ScalarAsync(database.DataSource, "SELECT details::text FROM audit_log WHERE merchant_id = $1", merchantId));
        Assert.Equal(
            1,
            await CountAsync(database.DataSource, """
                SELECT count(DISTINCT x) FROM (
                    SELECT xmin::text AS x FROM merchants WHERE merchant_id = $1
                    UNION ALL SELECT xmin::text FROM stores WHERE merchant_id = $1
                    UNION ALL SELECT xmin::text FROM audit_log WHERE merchant_id = $1) AS w
                """, merchantId));
    }

    [Fact]
    public async Task WriteAsync_UpsertOfAStoredRow_UpdatesItsOtherColumns()
    {
        var writer = new RowWriter(() => database.DataSource);
        var pinId = Guid.NewGuid();

        await writer.WriteAsync([StaffPin(pinId, "Ana", lockedUntil: null)], CancellationToken.None);
        await writer.WriteAsync([StaffPin(pinId, "Ana Lima", TestCards.At)], CancellationToken.None);

        Assert.Equal(
            "Ana Lima|2026-03-01 09:30:00+00",
            await ScalarAsync(database.DataSource, "SELECT name || '|' || (locked_until AT TIME ZONE 'UTC')::text || '+00' FROM staff_pins WHERE pin_id = $1", pinId));
    }

    [Fact]
    public async Task WriteAsync_RowBreakingAConstraint_FailsWithItsNameAndCommitsNoneOfTheRows()
    {
        var writer = new RowWriter(() => database.DataSource);
        var (existing, duplicate) = (Guid.NewGuid(), Guid.NewGuid());
        await writer.WriteAsync([Merchant(existing, $"slug-{existing:N}")], CancellationToken.None);

        var violation = await Assert.ThrowsAsync<PostgresException>(() =>
            writer.WriteAsync([Audit(duplicate, "merchant.created"), Merchant(duplicate, $"slug-{existing:N}")], CancellationToken.None));

        Assert.Equal((PostgresErrorCodes.UniqueViolation, "merchants_slug_key"), (violation.SqlState, violation.ConstraintName));
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM audit_log WHERE merchant_id = $1", duplicate));
    }

    [Fact]
    public async Task WriteAsync_AfterAFailedWrite_NextWriteOnTheSameConnectionCommits()
    {
        await using var dataSource = database.CreateDataSource(builder => builder.MaxPoolSize = 1);
        var writer = new RowWriter(() => dataSource);
        var merchantId = Guid.NewGuid();

        await Assert.ThrowsAsync<PostgresException>(() => writer.WriteAsync([Audit(merchantId, "broken"), AuditWithDetails(merchantId, "{not json")], CancellationToken.None));
        await writer.WriteAsync([Audit(merchantId, "after")], CancellationToken.None);

        Assert.Equal("after", await ScalarAsync(database.DataSource, "SELECT string_agg(action, ',') FROM audit_log WHERE merchant_id = $1", merchantId));
    }

    [Fact]
    public async Task WriteAsync_AfterAFailureOfItsConnection_NextWriteCommitsOnANewConnection()
    {
        var application = $"rows-{Guid.NewGuid():N}";
        await using var dataSource = database.CreateDataSource(builder => (builder.MaxPoolSize, builder.ApplicationName) = (2, application));
        var writer = new RowWriter(() => dataSource);
        var merchantId = Guid.NewGuid();
        await FillPoolAsync(dataSource, 2);

        // Both pooled connections are broken; the first write meets one and fails (rows without a version are not sent
        // twice), and the pool is cleared, so the next write does not meet the other.
        await TerminateBackendsAsync(database.DataSource, application, 2);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => writer.WriteAsync([Audit(merchantId, "lost")], CancellationToken.None));
        await writer.WriteAsync([Audit(merchantId, "after")], CancellationToken.None);

        Assert.Equal("after", await ScalarAsync(database.DataSource, "SELECT string_agg(action, ',') FROM audit_log WHERE merchant_id = $1", merchantId));
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforeSending_WritesNothing()
    {
        var writer = new RowWriter(() => database.DataSource);
        var merchantId = Guid.NewGuid();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync([Audit(merchantId, "cancelled")], new CancellationToken(canceled: true)));

        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM audit_log WHERE merchant_id = $1", merchantId));
    }

    private static StorageRow Merchant(Guid merchantId, string slug) => StorageRow.Insert(
        "merchants",
        new("merchant_id", merchantId),
        new("name", "Bakery"),
        new("slug", slug),
        new("default_locale", "en"),
        new("created_at", TestCards.At));

    private static StorageRow Store(Guid merchantId, string slug) => StorageRow.Insert(
        "stores",
        new("store_id", Guid.NewGuid()),
        new("merchant_id", merchantId),
        new("name", slug),
        new("slug", slug),
        new("time_zone", "Europe/Luxembourg"),
        new("descriptions", new JsonbValue("{}")),
        new("created_at", TestCards.At));

    private static StorageRow Audit(Guid? merchantId, string action) => AuditWithDetails(merchantId, """{"by":"test"}""", action);

    private static StorageRow AuditWithDetails(Guid? merchantId, string details, string action = "test") => StorageRow.Insert(
        "audit_log",
        new("merchant_id", TypedNull.Of(merchantId)),
        new("actor", "system"),
        new("action", action),
        new("subject_type", "merchant"),
        new("subject_id", $"{merchantId}"),
        new("details", new JsonbValue(details)),
        new("occurred_at", TestCards.At));

    private static StorageRow StaffPin(Guid pinId, string name, DateTimeOffset? lockedUntil) => StorageRow.Upsert(
        "staff_pins",
        ["pin_id"],
        new("pin_id", pinId),
        new("store_id", Guid.NewGuid()),
        new("merchant_id", Guid.NewGuid()),
        new("name", name),
        new("pin_hash", "$2a$hash"),
        new("locked_until", TypedNull.Of(lockedUntil)),
        new("created_at", TestCards.At));
}
