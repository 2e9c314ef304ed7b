using Loyalty.Grains.Storage;
using Loyalty.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static Loyalty.Grains.Tests.Storage.StorageSql;

namespace Loyalty.Grains.Tests.Storage;

public sealed class CardStoreTests(StorageDatabase database) : IClassFixture<StorageDatabase>
{
    private readonly Guid _merchantId = Guid.NewGuid();

    [Fact]
    public async Task ReadAsync_CardNeverWritten_ReturnsNull()
    {
        await using var store = CreateStore(database.DataSource);

        Assert.Null(await store.ReadAsync(TestCards.NewNumber(), CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_FirstWriteThenUpdate_StoresStateVersionReadModelAndRows()
    {
        await using var store = CreateStore(database.DataSource);
        var card = TestCards.NewNumber();

        await store.WriteAsync(TestCards.Write(card, 0, _merchantId, TestCards.Stamp(_merchantId, card, 1, $"{card}-k1")));
        await store.WriteAsync(TestCards.Write(card, 1, _merchantId, TestCards.Stamp(_merchantId, card, 2, $"{card}-k2")));

        var stored = await store.ReadAsync(card, CancellationToken.None);
        Assert.Equal(2, stored!.Version);
        Assert.Equal($$"""{"stamps": [1, 2, 3], "version": 2, "cardNumber": "{{card}}"}""", stored.StateJson);
        Assert.Equal(
            "2|2|20|+352 621 000 000|-|h2",
            await ScalarAsync(database.DataSource, "SELECT concat_ws('|', version, stamps, points, coalesce(customer_phone, '-'), coalesce(customer_birthday::text, '-'), ledger_hash) FROM cards WHERE card_number = $1", card));
        Assert.Equal(2, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = $1", card));
        Assert.Equal(2, await CountAsync(database.DataSource, "SELECT count(*) FROM idempotency_keys WHERE card_number = $1 AND ledger_sequence IS NOT NULL", card));
    }

    [Fact]
    public async Task WriteAsync_WritesArrivingWhileABatchIsInFlight_CommitTogetherInTheNextBatch()
    {
        await using var store = CreateStore(database.DataSource);
        var cards = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => CreateCardAsync(store)));
        var newCards = Enumerable.Range(0, 10).Select(_ => TestCards.NewNumber()).ToArray();

        var (blocker, writes) = await QueueBehindABlockedBatchAsync(store, () =>
        [
            .. cards.Select(card => store.WriteAsync(TestCards.Write(card, 1, _merchantId, TestCards.Stamp(_merchantId, card, 2, $"{card}-k2")))),
            .. newCards.Select(card => store.WriteAsync(TestCards.Write(card, 0, _merchantId, TestCards.Stamp(_merchantId, card, 1, $"{card}-k1")))),
        ]);

        await Task.WhenAll(writes);
        Assert.Equal(1, await TransactionsAsync(database.DataSource, [.. cards, .. newCards]));
        Assert.Equal(2, await TransactionsAsync(database.DataSource, [blocker, .. cards]));
        Assert.Equal(50, await CountAsync(database.DataSource, "SELECT count(*) FROM cards WHERE card_number = ANY($1) AND version = 2", Texts(cards)));
        Assert.Equal(10, await CountAsync(database.DataSource, "SELECT count(*) FROM cards WHERE card_number = ANY($1) AND version = 1", Texts(newCards)));
        Assert.Equal(60, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = ANY($1)", Texts([.. cards, .. newCards])));
        Assert.Equal(60, await CountAsync(database.DataSource, "SELECT count(*) FROM idempotency_keys WHERE card_number = ANY($1)", Texts([.. cards, .. newCards])));
    }

    [Fact]
    public async Task WriteAsync_WhileItsCommitIsHeldUp_DoesNotCompleteAndIsVisibleOnceItDoes()
    {
        await using var store = CreateStore(database.DataSource);
        var card = await CreateCardAsync(store);

        // A deferred trigger on this card's row runs at commit, after the statement has answered, and waits for a lock
        // held here: the batch has written everything and reported its cards, but has not committed.
        const long Gate = 4_242;
        await ScalarAsync(database.DataSource, $$"""
            CREATE OR REPLACE FUNCTION wait_for_commit_gate() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN PERFORM pg_advisory_xact_lock_shared({{Gate}}); RETURN NULL; END $f$;
            CREATE CONSTRAINT TRIGGER commit_gate_{{card}} AFTER UPDATE ON cards DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW WHEN (NEW.card_number = '{{card}}') EXECUTE FUNCTION wait_for_commit_gate();
            """);
        Task write;
        await using (var gate = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await gate.BeginTransactionAsync())
        {
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({Gate})", gate, transaction))
            {
                await take.ExecuteNonQueryAsync();
            }

            write = store.WriteAsync(TestCards.Write(card, 1, _merchantId, TestCards.Stamp(_merchantId, card, 2, $"{card}-k2")));
            await Eventually.TrueAsync(
                async () => await CountAsync(database.DataSource, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted", Gate) == 1,
                "the batch's commit waits for the gate");

            Assert.False(write.IsCompleted);
            Assert.Equal(1L, await ScalarAsync(database.DataSource, "SELECT version FROM cards WHERE card_number = $1", card));
        }

        // As soon as the write completes, another session sees all of it.
        var visible = write.ContinueWith(
            _ => ScalarAsync(database.DataSource, "SELECT version || '/' || (SELECT count(*) FROM ledger_entries WHERE card_number = $1) FROM cards WHERE card_number = $1", card),
            TaskScheduler.Default).Unwrap();
        Assert.Equal("2/1", await visible);
        await write;
    }

    [Fact]
    public async Task WriteAsync_StaleVersionAmongOthers_FailsThatWriteOnlyAndStoresNothingOfIt()
    {
        await using var store = CreateStore(database.DataSource);
        var (first, stale, last, existing) = (await CreateCardAsync(store), await CreateCardAsync(store), await CreateCardAsync(store), await CreateCardAsync(store));

        var (_, writes) = await QueueBehindABlockedBatchAsync(store, () =>
        [
            store.WriteAsync(TestCards.Write(first, 1, _merchantId, TestCards.Stamp(_merchantId, first, 2, $"{first}-k2"))),
            store.WriteAsync(TestCards.Write(stale, 5, _merchantId, TestCards.Stamp(_merchantId, stale, 2, $"{stale}-k2"))),
            store.WriteAsync(TestCards.Write(last, 1, _merchantId, TestCards.Stamp(_merchantId, last, 2, $"{last}-k2"))),
            store.WriteAsync(TestCards.Write(existing, 0, _merchantId, TestCards.Stamp(_merchantId, existing, 1, $"{existing}-again"))),
        ]);

        await writes[0];
        await writes[2];
        var conflict = await Assert.ThrowsAsync<CardVersionConflictException>(() => writes[1]);
        var insertConflict = await Assert.ThrowsAsync<CardVersionConflictException>(() => writes[3]);
        Assert.Equal((stale, 5L), (conflict.CardNumber, conflict.ExpectedVersion));
        Assert.Equal((existing, 0L), (insertConflict.CardNumber, insertConflict.ExpectedVersion));
        Assert.Equal(1, await TransactionsAsync(database.DataSource, [first, last]));
        Assert.Equal(1L, await ScalarAsync(database.DataSource, "SELECT version FROM cards WHERE card_number = $1", stale));
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = ANY($1)", Texts(stale, existing)));
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM idempotency_keys WHERE card_number = ANY($1)", Texts(stale, existing)));
        Assert.Equal(2, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = ANY($1)", Texts(first, last)));
    }

    [Fact]
    public async Task WriteAsync_IdempotencyKeyInUseAmongOthers_FailsThatWriteOnlyWithTheKeyAndStoresNothingOfIt()
    {
        await using var store = CreateStore(database.DataSource);
        var owner = await CreateCardAsync(store);
        var (first, reuser, last) = (await CreateCardAsync(store), await CreateCardAsync(store), await CreateCardAsync(store));
        var taken = $"{owner}-taken";
        await store.WriteAsync(TestCards.Write(owner, 1, _merchantId, TestCards.Stamp(_merchantId, owner, 2, taken)));

        // The reusing write holds two coalesced operations: a fresh key, then the taken one.
        var (_, writes) = await QueueBehindABlockedBatchAsync(store, () =>
        [
            store.WriteAsync(TestCards.Write(first, 1, _merchantId, TestCards.Stamp(_merchantId, first, 2, $"{first}-k2"))),
            store.WriteAsync(TestCards.Write(reuser, 1, _merchantId, [.. TestCards.Stamp(_merchantId, reuser, 2, $"{reuser}-fresh"), .. TestCards.Stamp(_merchantId, reuser, 3, taken)])),
            store.WriteAsync(TestCards.Write(last, 1, _merchantId, TestCards.Stamp(_merchantId, last, 2, $"{last}-k2"))),
        ]);

        await writes[0];
        await writes[2];
        var inUse = await Assert.ThrowsAsync<IdempotencyKeyInUseException>(() => writes[1]);
        Assert.Equal((_merchantId, taken), (inUse.MerchantId, inUse.Key));
        Assert.Equal(1L, await ScalarAsync(database.DataSource, "SELECT version FROM cards WHERE card_number = $1", reuser));
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = $1", reuser));
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM idempotency_keys WHERE card_number = $1", reuser));
        Assert.Equal(owner, await ScalarAsync(database.DataSource, "SELECT card_number FROM idempotency_keys WHERE merchant_id = $1 AND idempotency_key = $2", _merchantId, taken));
        Assert.Equal(2, await CountAsync(database.DataSource, "SELECT count(*) FROM cards WHERE card_number = ANY($1) AND version = 2", Texts(first, last)));
    }

    [Fact]
    public async Task WriteAsync_TwoCardsUsingOneNewKeyInOneBatch_FirstCommitsSecondFindsItInUse()
    {
        await using var store = CreateStore(database.DataSource);
        var (first, second) = (await CreateCardAsync(store), await CreateCardAsync(store));
        var key = $"{first}-shared";

        var (_, writes) = await QueueBehindABlockedBatchAsync(store, () =>
        [
            store.WriteAsync(TestCards.Write(first, 1, _merchantId, TestCards.Stamp(_merchantId, first, 2, key))),
            store.WriteAsync(TestCards.Write(second, 1, _merchantId, TestCards.Stamp(_merchantId, second, 2, key))),
        ]);

        await writes[0];
        var inUse = await Assert.ThrowsAsync<IdempotencyKeyInUseException>(() => writes[1]);
        Assert.Equal(key, inUse.Key);
        Assert.Equal(first, await ScalarAsync(database.DataSource, "SELECT card_number FROM idempotency_keys WHERE merchant_id = $1 AND idempotency_key = $2", _merchantId, key));
        Assert.Equal("2|1", await ScalarAsync(database.DataSource, "SELECT string_agg(version::text, '|' ORDER BY version DESC) FROM cards WHERE card_number = ANY($1)", Texts(first, second)));
    }

    [Fact]
    public async Task WriteAsync_SameCardTwiceInOneBatch_TheSecondSeesTheFirst()
    {
        await using var store = CreateStore(database.DataSource);
        var (chained, raced) = (await CreateCardAsync(store), await CreateCardAsync(store));

        // Two activations of "raced" both loaded version 1; "chained" is written at 1 and then at 2.
        var (_, writes) = await QueueBehindABlockedBatchAsync(store, () =>
        [
            store.WriteAsync(TestCards.Write(chained, 1, _merchantId, TestCards.Stamp(_merchantId, chained, 2, $"{chained}-k2"))),
            store.WriteAsync(TestCards.Write(raced, 1, _merchantId, TestCards.Stamp(_merchantId, raced, 2, $"{raced}-a"))),
            store.WriteAsync(TestCards.Write(chained, 2, _merchantId, TestCards.Stamp(_merchantId, chained, 3, $"{chained}-k3"))),
            store.WriteAsync(TestCards.Write(raced, 1, _merchantId, TestCards.Stamp(_merchantId, raced, 2, $"{raced}-b"))),
        ]);

        await Task.WhenAll(writes[0], writes[1], writes[2]);
        await Assert.ThrowsAsync<CardVersionConflictException>(() => writes[3]);
        Assert.Equal(3L, await ScalarAsync(database.DataSource, "SELECT version FROM cards WHERE card_number = $1", chained));
        Assert.Equal($"{raced}-a", await ScalarAsync(database.DataSource, "SELECT string_agg(idempotency_key, ',') FROM idempotency_keys WHERE card_number = $1", raced));
        Assert.Equal(1, await TransactionsAsync(database.DataSource, [chained, raced]));
    }

    [Fact]
    public async Task WriteAsync_AfterAWriteWithInvalidState_NextWriteOnTheSameConnectionCommits()
    {
        await using var dataSource = database.CreateDataSource(builder => builder.MaxPoolSize = 1);
        await using var store = CreateStore(dataSource);
        var card = await CreateCardAsync(store);

        var broken = await Assert.ThrowsAsync<CardWriteException>(() => store.WriteAsync(TestCards.Write(card, 1, _merchantId) with { StateJson = "{not json" }));
        await store.WriteAsync(TestCards.Write(card, 1, _merchantId, TestCards.Stamp(_merchantId, card, 2, $"{card}-k2")));

        Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, Assert.IsType<PostgresException>(broken.InnerException).SqlState);
        Assert.Equal(2, (await store.ReadAsync(card, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task WriteAsync_StateJsonbRefusesAmongOthers_FailsThatWriteOnlyAndTheNextBatchCommits()
    {
        // One connection: the split, the lone failure and the next batch all run on whatever the store keeps using.
        await using var dataSource = database.CreateDataSource(builder => builder.MaxPoolSize = 1);
        await using var store = CreateStore(dataSource);
        var (first, refused, last) = (await CreateCardAsync(store), await CreateCardAsync(store), await CreateCardAsync(store));

        var (_, writes) = await QueueBehindABlockedBatchAsync(store, () =>
        [
            store.WriteAsync(TestCards.Write(first, 1, _merchantId, TestCards.Stamp(_merchantId, first, 2, $"{first}-k2"))),
            store.WriteAsync(TestCards.Write(refused, 1, _merchantId, TestCards.Stamp(_merchantId, refused, 2, $"{refused}-k2")) with { StateJson = "{\"name\":\"a\\u0000b\"}" }),
            store.WriteAsync(TestCards.Write(last, 1, _merchantId, TestCards.Stamp(_merchantId, last, 2, $"{last}-k2"))),
        ]);
        await writes[0];
        await writes[2];
        var failure = await Assert.ThrowsAsync<CardWriteException>(() => writes[1]);
        await store.WriteAsync(TestCards.Write(first, 2, _merchantId, TestCards.Stamp(_merchantId, first, 3, $"{first}-k3")));

        Assert.Equal(PostgresErrorCodes.UntranslatableCharacter, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        Assert.Equal(1L, await ScalarAsync(database.DataSource, "SELECT version FROM cards WHERE card_number = $1", refused));
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = $1", refused));
        Assert.Equal(3, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = ANY($1)", Texts(first, last)));
    }

    [Fact]
    public async Task WriteAsync_AfterTheServerClosedThePoolsConnections_CommitsOnANewOne()
    {
        var application = $"store-{Guid.NewGuid():N}";
        await using var dataSource = database.CreateDataSource(builder => (builder.MaxPoolSize, builder.ApplicationName) = (2, application));
        await using var store = CreateStore(dataSource);
        var card = await CreateCardAsync(store);
        await FillPoolAsync(dataSource, 2);

        await TerminateBackendsAsync(database.DataSource, application, 2);
        await store.WriteAsync(TestCards.Write(card, 1, _merchantId, TestCards.Stamp(_merchantId, card, 2, $"{card}-k2")));
        await FillPoolAsync(dataSource, 2);
        await TerminateBackendsAsync(database.DataSource, application, 2);
        var stored = await store.ReadAsync(card, CancellationToken.None);

        Assert.Equal(2, stored!.Version);
        Assert.Equal(1, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = $1", card));
    }

    [Fact]
    public async Task WriteAsync_ThousandCardsConcurrently_CommitsEveryWriteOfEveryCard()
    {
        await using var store = CreateStore(database.DataSource);
        var cards = Enumerable.Range(0, 1000).Select(_ => TestCards.NewNumber()).ToArray();

        // Each card is written as its grain would: one write at a time, the next expecting the version the last stored.
        await Task.WhenAll(cards.Select(async card =>
        {
            for (var version = 0; version < 4; version++)
            {
                await store.WriteAsync(TestCards.Write(card, version, _merchantId, TestCards.Stamp(_merchantId, card, version + 1, $"{card}-k{version}")));
            }
        }));

        Assert.Equal(1000, await CountAsync(database.DataSource, "SELECT count(*) FROM cards WHERE card_number = ANY($1) AND version = 4", Texts(cards)));
        Assert.Equal(4000, await CountAsync(database.DataSource, "SELECT count(*) FROM ledger_entries WHERE card_number = ANY($1)", Texts(cards)));
        Assert.Equal(4000, await CountAsync(database.DataSource, "SELECT count(*) FROM idempotency_keys WHERE card_number = ANY($1)", Texts(cards)));
    }

    private static CardStore CreateStore(NpgsqlDataSource dataSource) =>
        new(() => dataSource, Options.Create(new CardStoreOptions()), TimeProvider.System, NullLogger<CardStore>.Instance);

    /// <summary>
    /// Holds a batch in flight (its card's row locked in PostgreSQL) while <paramref name="queue"/> queues writes, checks
    /// that none of them completes meanwhile, then lets the batch commit: the queued writes form the next batch.
    /// </summary>
    private async Task<(string Blocker, Task[] Writes)> QueueBehindABlockedBatchAsync(CardStore store, Func<Task[]> queue)
    {
        var blocker = await CreateCardAsync(store);
        Task blocked;
        Task[] writes;
        await using (var rowLock = await LockCardAsync(database.DataSource, blocker))
        {
            blocked = store.WriteAsync(TestCards.Write(blocker, 1, _merchantId));
            await rowLock.WaitUntilBlockingAsync();
            writes = queue();

            Assert.False(blocked.IsCompleted);
            Assert.DoesNotContain(writes, write => write.IsCompleted);
        }

        await blocked;
        return (blocker, writes);
    }

    private async Task<string> CreateCardAsync(CardStore store)
    {
        var card = TestCards.NewNumber();
        await store.WriteAsync(TestCards.Write(card, 0, _merchantId));
        return card;
    }
}
