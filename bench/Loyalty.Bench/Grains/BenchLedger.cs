using Loyalty.Runtime.Persistence;

namespace Loyalty.Bench.Grains;

/// <summary>The ledger table the counters append to, so each write carries a row as card operations do.</summary>
public static class BenchLedger
{
    public const string CreateTable =
        "CREATE TABLE IF NOT EXISTS bench_ledger (id bigserial PRIMARY KEY, grain_key text NOT NULL, count_after bigint NOT NULL)";

    public static StorageRow Row(string grainKey, long countAfter) =>
        StorageRow.Insert("bench_ledger", new("grain_key", grainKey), new("count_after", countAfter));
}
