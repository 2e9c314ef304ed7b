using System.Text;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.Persistence;

public sealed class StateWriteStatementsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly StateTable Wallets = new("test_wallets", "wallet_key") { SnapshotTable = "test_wallet_snapshots" };
    private static readonly StateTable Accounts = new("test_accounts", "account_key");

    [Fact]
    public void Plan_UpdatesOfOneTable_GoAsOneStatementAtTheFirstOnesPlace()
    {
        var batch = Batch(
            Update(Wallets, "a"),
            new StateWrite(new GrainStateKey(GrainId.Create("test-card", "x"), "state"), Json("{}"), 0),
            Update(Wallets, "b"),
            Update(Accounts, "c"),
            Update(Wallets, "d"));

        var plan = StateWriteStatements.Plan(batch, 0, batch.Count, "svc", Now);

        Assert.Equal([([0, 2, 4], true), ([1], false), ([3], false)], plan.Select(statement => (statement.Writes, statement.Merged)));
        Assert.Contains("WITH ORDINALITY", plan[0].Command.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("unnest", plan[2].Command.CommandText, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AStateWrittenEarlierInTheBatch_GoesAloneAfterIt()
    {
        var batch = Batch(
            new StateWrite(Key(Wallets, "a"), Json("{}"), 0, columns: [new("balance", 1L)]),
            Update(Wallets, "b"),
            Update(Wallets, "a"),
            Update(Wallets, "c"),
            Update(Wallets, "b"));

        var plan = StateWriteStatements.Plan(batch, 0, batch.Count, "svc", Now);

        Assert.Equal([([0], false), ([1, 3], true), ([2], false), ([4], false)], plan.Select(statement => (statement.Writes, statement.Merged)));
    }

    [Fact]
    public void Plan_UpdatesOfOneShape_ShareOneStatementText()
    {
        var first = StateWriteStatements.Plan(Batch(Update(Wallets, "a"), Update(Wallets, "b")), 0, 2, "svc", Now);
        var second = StateWriteStatements.Plan(Batch(Update(Wallets, "c"), Update(Wallets, "d"), Update(Wallets, "e")), 0, 3, "svc", Now);

        Assert.Same(first[0].Command.CommandText, second[0].Command.CommandText);
    }

    private static List<PendingWrite> Batch(params StateWrite[] writes) => [.. writes.Select(write => new PendingWrite(write, 0))];

    private static StateWrite Update(StateTable table, string key) => table.SnapshotTable is null
        ? new StateWrite(Key(table, key), Json("{}"), 3, columns: [new("balance", 1L), new("owner", "Ana")])
        : new StateWrite(Key(table, key), null, 3, columns: [new("balance", 1L)], change: Json("""{"balance":["=",1]}"""));

    private static GrainStateKey Key(StateTable table, string key) => new(GrainId.Create("test-" + table.Table, key), "state") { Table = table };

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);
}
