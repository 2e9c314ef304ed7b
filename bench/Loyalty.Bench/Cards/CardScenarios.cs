using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Loyalty.Bench.Scenarios;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Grains.Cards;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Serialization;

namespace Loyalty.Bench.Cards;

/// <summary>
/// Stamps side by side on one PostgreSQL: the old stateless handler (baseline), the card grains called in-process through
/// Orleans' <see cref="IGrainFactory"/>, and the terminal API over loopback HTTP; on one hot card and on many cards at
/// random. After each scenario PostgreSQL must hold exactly the acknowledged stamps (see <see cref="VerifyAsync"/>), or
/// the run fails.
/// </summary>
public sealed class CardScenarios(IServiceProvider services, Uri baseAddress, BenchSettings settings) : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Names = ["baseline-hot", "grains-hot", "api-hot", "baseline-many", "grains-many", "api-many", "card-memory"];

    /// <summary>Card grains activated by <c>card-memory</c>.</summary>
    public const int MemoryCards = 100_000;

    private readonly IGrainFactory _grains = services.GetRequiredService<IGrainFactory>();
    private readonly NpgsqlDataSource _database = services.GetRequiredService<NpgsqlDataSource>();
    private readonly DatabaseMeter _meter = new();
    private CpuMeter? _cpu;
    private CardFixture? _fixture;
    private HttpClient? _terminal;
    private string[] _hot = [];
    private string[] _many = [];
    private int _settled;

    /// <summary>
    /// <paramref name="names"/> as run: with several rounds, the card scenarios (but <c>card-memory</c>, run once at the
    /// end) once per round in turn, named <c>grains-many#2</c> and so on; other scenarios once.
    /// </summary>
    public static IReadOnlyList<string> InRounds(IReadOnlyList<string> names, int rounds)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (rounds == 1)
        {
            return names;
        }

        bool Repeated(string name) => Names.Contains(name) && name != "card-memory";
        return
        [
            .. names.Where(name => !Repeated(name) && name != "card-memory"),
            .. Enumerable.Range(1, rounds).SelectMany(round => names.Where(Repeated).Select(name => $"{name}#{round}")),
            .. names.Where(name => name == "card-memory"),
        ];
    }

    /// <summary>A scenario's name without its round (<c>grains-many#2</c> is <c>grains-many</c>).</summary>
    public static string BaseName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = name.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? name : name[..hash];
    }

    public async Task<ScenarioResult> RunAsync(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var name = BaseName(run);
        if (name == "card-memory")
        {
            return await CardMemoryAsync();
        }

        await SetUpAsync(many: name.EndsWith("-many", StringComparison.Ordinal));
        await SettleAsync();
        var cards = name.EndsWith("-hot", StringComparison.Ordinal) ? _hot : _many;
        // Idempotency keys unique across scenarios and rounds: a key used again would be a replay, not a stamp.
        var tag = name[0] + name[name.IndexOf('-', StringComparison.Ordinal) + 1].ToString() + run[name.Length..];
        Func<string, string, Task> stamp = name[..name.IndexOf('-', StringComparison.Ordinal)] switch
        {
            "baseline" => new BaselineStore(_database).StampAsync,
            "grains" => GrainStampAsync,
            "api" => ApiStampAsync,
            _ => throw new ArgumentException($"Unknown scenario '{name}'."),
        };
        var description = name switch
        {
            "baseline-hot" => "baseline handler (BEGIN; SELECT FOR UPDATE; UPDATE; INSERT; COMMIT), one card",
            "grains-hot" => "ICardGrain.ApplyAsync stamp, unique idempotency keys, one card",
            "api-hot" => "POST /api/terminal/v1/cards/{n}/stamps over loopback HTTP, one card",
            "baseline-many" => $"baseline handler, {cards.Length:N0} cards at random",
            "grains-many" => $"ICardGrain.ApplyAsync stamp, {cards.Length:N0} cards at random",
            _ => $"terminal API stamp over HTTP, {cards.Length:N0} cards at random",
        };

        var before = await TotalsAsync(name);
        var (operationsBefore, (commitsBefore, rowsBefore, walBefore)) = (_meter.Operations, await StatsAsync());
        _cpu ??= await CpuMeter.CreateAsync(_database);
        var cpuBefore = _cpu.Read();
        using var sampler = settings.Allocations ? new AllocationSampler() : null;
        await using var sessions = settings.Sessions ? await SessionSampler.StartAsync(_database) : null;
        var (allocatedBefore, gen2Before) = (GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(2));
        long acknowledged = 0;
        var picks = Enumerable.Range(0, settings.Concurrency).Select(w => new Random(w * 7919)).ToArray();
        var (ops, seconds, p50, p99) = await LoadRunner.RunAsync(settings.Concurrency, WarmUp, Duration, async (worker, sequence) =>
        {
            var card = cards.Length == 1 ? cards[0] : cards[picks[worker].Next(cards.Length)];
            await stamp(card, $"{tag}-{worker}-{sequence}");
            Interlocked.Increment(ref acknowledged);
        });
        var cpuAfter = _cpu.Read();
        var (allocatedAfter, gen2After) = (GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(2));
        var sessionAverages = sessions is null ? null : await sessions.StopAsync();
        var samples = sessions?.Samples ?? 0;
        var operations = _meter.Operations - operationsBefore;
        var (commitsAfter, rowsAfter, walAfter) = await StatsAsync();
        var after = await TotalsAsync(name);
        await VerifyAsync(name, acknowledged, before, after);
        if (sampler is not null)
        {
            sampler.Dispose();
            Console.WriteLine("  allocated, by type (sampled):");
            foreach (var line in sampler.Report(15, (allocatedAfter - allocatedBefore) / (double)acknowledged))
            {
                Console.WriteLine(line);
            }
        }

        var metrics = new Dictionary<string, double>
        {
            ["acknowledged"] = acknowledged,
            ["npgsqlOperationsPerStamp"] = operations / (double)acknowledged,
            // The two readings are transactions of their own, and so is each session sample.
            ["commitsPerStamp"] = (commitsAfter - commitsBefore - 2 - samples) / (double)acknowledged,
            ["rowsWrittenPerStamp"] = (rowsAfter - rowsBefore) / (double)acknowledged,
            ["walKilobytesPerStamp"] = (walAfter - walBefore) / 1024.0 / acknowledged,
            ["processCpuMicrosecondsPerStamp"] = (cpuAfter.Process - cpuBefore.Process) * 1e6 / acknowledged,
            ["serverCpuMicrosecondsPerStamp"] = (cpuAfter.Server - cpuBefore.Server) * 1e6 / acknowledged,
            ["allocatedKilobytesPerStamp"] = (allocatedAfter - allocatedBefore) / 1024.0 / acknowledged,
            ["gen2Collections"] = gen2After - gen2Before,
        };
        if (sessionAverages is not null)
        {
            Console.WriteLine(SessionSampler.Describe(sessionAverages, samples));
            foreach (var (kind, average) in sessionAverages)
            {
                metrics[SessionSampler.MetricName(kind)] = average;
            }
        }

        return new ScenarioResult(run, description, settings.Concurrency, ops, seconds, ops / seconds, p50, p99, metrics);
    }

    public ValueTask DisposeAsync()
    {
        _meter.Dispose();
        _terminal?.Dispose();
        return ValueTask.CompletedTask;
    }

    private TimeSpan WarmUp => TimeSpan.FromSeconds(settings.WarmUpSeconds);

    private TimeSpan Duration => TimeSpan.FromSeconds(settings.Seconds);

    /// <summary>
    /// Every scenario starts from the same place: the tables set-up filled vacuumed and analysed (as <c>pgbench -i</c>
    /// does), so autovacuum does not fall on whichever scenario runs next, and a checkpoint just taken, so each scenario
    /// pays the same full-page images for the first change to each page, wherever the last checkpoint happened to be.
    /// </summary>
    private async Task SettleAsync()
    {
        try
        {
            if (_settled < _hot.Length + _many.Length)
            {
                await using var vacuum = _database.CreateCommand("VACUUM (ANALYZE)");
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync();
                _settled = _hot.Length + _many.Length;
            }

            await using var checkpoint = _database.CreateCommand("CHECKPOINT");
            checkpoint.CommandTimeout = 0;
            await checkpoint.ExecuteNonQueryAsync();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.WriteLine($"  not settled (no vacuum and checkpoint before the scenario): {exception.MessageText}");
        }
    }

    private async Task SetUpAsync(bool many)
    {
        if (_fixture is null)
        {
            await using (var create = _database.CreateCommand(BaselineStore.CreateTables))
            {
                await create.ExecuteNonQueryAsync();
            }

            _fixture = await CardFixture.CreateAsync(baseAddress);
            _terminal = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency }) { BaseAddress = baseAddress };
            _terminal.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fixture.DeviceToken);
            _hot = await _fixture.EnrollAsync(_grains, 1, "hot");
            await new BaselineStore(_database).CreateCardsAsync(_hot);
        }

        if (many && _many.Length == 0)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            _many = await _fixture.EnrollAsync(_grains, settings.Cards, "many");
            await new BaselineStore(_database).CreateCardsAsync(_many);
            Console.WriteLine($"  enrolled {_many.Length:N0} cards through the enrolment grains in {started.Elapsed.TotalSeconds:N1} s");
        }
    }

    /// <summary>
    /// Managed heap per idle card activation: <see cref="MemoryCards"/> cards created straight through their card grains
    /// (no enrolment grain), then left idle; the heap growth per card after full compacting collections. Beyond the
    /// state: less the heap the same cards' states take when read back from <c>cards.state</c> into plain objects. Part
    /// of what is beyond the state is the program definition each activation caches: Orleans hands every caller its own
    /// copy of a grain's answer unless the type is immutable (see <see cref="ProgramCopyBytesAsync"/>). Each heap reading
    /// waits until the process is quiet (<see cref="HeapMeter.QuietAsync"/>), so the scenario takes a few minutes.
    /// </summary>
    private async Task<ScenarioResult> CardMemoryAsync()
    {
        await SetUpAsync(many: false);
        var prefix = CardNumbers.Prefix + Random.Shared.Next(1_000, 10_000).ToString(CultureInfo.InvariantCulture);
        var numbers = Enumerable.Range(0, MemoryCards)
            .Select(i => $"{prefix}{i:D9}")
            .Select(payload => payload + CardNumbers.ComputeCheckDigit(payload))
            .ToArray();
        var before = await HeapMeter.QuietAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (number, _) =>
        {
            var outcome = await _grains.GetGrain<ICardGrain>(number).CreateAsync(new EnrollmentRequest(
                _fixture!.ProgramId, new CustomerProfile("Bench Customer", $"{number}@bench.example", null, null, "en"), _fixture.Origin($"create-{number}")));
            if (outcome.Status != CardOutcomeStatus.Applied)
            {
                throw new InvalidOperationException($"Creating card {number} was {outcome.Status}: {outcome.Error?.Message}");
            }
        });
        var seconds = started.Elapsed.TotalSeconds;
        var perCard = (await HeapMeter.QuietAsync() - before) / (double)MemoryCards;
        var statePerCard = await StateHeapAsync(numbers) / (double)MemoryCards;
        var programPerCard = await ProgramCopyBytesAsync();
        var beyondState = perCard - statePerCard;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {perCard:N0} bytes of managed heap per idle card activation, of which {statePerCard:N0} its state: {beyondState:N0} beyond it ({MemoryCards:N0} cards, created at {MemoryCards / seconds:N0}/s); a cached program copy is {programPerCard:N0} of those"));
        return new ScenarioResult(
            "card-memory",
            string.Create(CultureInfo.InvariantCulture, $"managed heap per idle card activation: {perCard:N0} B, {beyondState:N0} B beyond its state ({statePerCard:N0} B; program copy {programPerCard:N0} B), {MemoryCards:N0} card grains"),
            64, MemoryCards, seconds, MemoryCards / seconds, 0, 0,
            new Dictionary<string, double>
            {
                ["bytesPerCard"] = perCard,
                ["stateBytesPerCard"] = statePerCard,
                ["bytesPerCardBeyondState"] = beyondState,
                ["programCopyBytes"] = programPerCard,
            });
    }

    /// <summary>Program definitions copied by <c>card-memory</c> to measure one copy.</summary>
    private const int ProgramCopies = 10_000;

    /// <summary>
    /// The heap the cards' states take as plain objects, read back from <c>cards.state</c> with the card grain's own
    /// deserializer: just created, each card's stored state is what its activation holds (version 1: one write).
    /// </summary>
    private async Task<long> StateHeapAsync(string[] numbers)
    {
        var payloads = new List<string>(numbers.Length);
        await using (var command = _database.CreateCommand("SELECT state::text FROM cards WHERE card_number = ANY($1) AND version = 1"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = numbers });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                payloads.Add(reader.GetString(0));
            }
        }

        if (payloads.Count != numbers.Length)
        {
            throw new InvalidOperationException($"Found {payloads.Count} stored card states at version 1 for {numbers.Length} cards.");
        }

        // The payloads stay alive across both readings: only the states (and the array holding them) are measured.
        var states = new CardGrainState[payloads.Count];
        var before = HeapMeter.Settled();
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = CardStateJson.Deserialize(payloads[i]);
        }

        var after = HeapMeter.Settled();
        GC.KeepAlive(states);
        GC.KeepAlive(payloads);
        return after - before;
    }

    /// <summary>
    /// The bytes one copy of the program definition takes, as Orleans makes it for each caller of the program grain (the
    /// type is not marked immutable): allocated by the copier on this thread, over <see cref="ProgramCopies"/> copies.
    /// </summary>
    private async Task<double> ProgramCopyBytesAsync()
    {
        var program = await _grains.GetGrain<IProgramGrain>(_fixture!.ProgramId).GetAsync()
            ?? throw new InvalidOperationException($"Program {_fixture.ProgramId} does not exist.");
        var copier = services.GetRequiredService<DeepCopier<ProgramDefinition>>();
        var copies = new ProgramDefinition[ProgramCopies];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = copier.Copy(program);
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(copies);
        return bytes / (double)ProgramCopies;
    }

    private async Task GrainStampAsync(string cardNumber, string key)
    {
        var outcome = await _grains.GetGrain<ICardGrain>(cardNumber).ApplyAsync(new CardCommand(CardCommandKind.Stamp, _fixture!.Origin(key), Count: 1));
        if (outcome.Status != CardOutcomeStatus.Applied)
        {
            throw new InvalidOperationException($"Stamp on {cardNumber} was {outcome.Status}: {outcome.Error?.Message}");
        }
    }

    private async Task ApiStampAsync(string cardNumber, string key)
    {
        using var response = await _terminal!.PostAsJsonAsync($"/api/terminal/v1/cards/{cardNumber}/stamps", new { count = 1, pinId = _fixture!.PinId, idempotencyKey = key });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Stamp on {cardNumber}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// Stamp ledger rows, stamps given (including those turned into rewards) and idempotency records, on the scenario's
    /// side (the baseline keeps no idempotency records: its ledger's unique key column stands in for them).
    /// </summary>
    private async Task<Totals> TotalsAsync(string name)
    {
        if (name.StartsWith("baseline", StringComparison.Ordinal))
        {
            var (ledgerRows, stamps) = await new BaselineStore(_database).TotalsAsync();
            return new Totals(ledgerRows, stamps, ledgerRows);
        }

        await using var command = _database.CreateCommand("""
            SELECT (SELECT count(*) FROM ledger_entries l JOIN cards c USING (card_number) WHERE c.program_id = $1 AND l.kind = 'stamp'),
                   (SELECT coalesce(sum(stamps + rewards_available * 10), 0) FROM cards WHERE program_id = $1),
                   (SELECT count(*) FROM idempotency_keys WHERE merchant_id = $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _fixture!.ProgramId });
        command.Parameters.Add(new NpgsqlParameter { Value = _fixture.MerchantId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Totals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// What PostgreSQL holds must be exactly what the workers were told: ledger rows, stamps on the cards and idempotency
    /// records added each equal the acknowledged stamps. For the _grains, every card of the program also agrees with its
    /// ledger: as many entries as its ledger sequence (no gap, no extra), its balances those of its last entry, and its
    /// stored state's ledger head the same sequence.
    /// </summary>
    private async Task VerifyAsync(string name, long acknowledged, Totals before, Totals after)
    {
        var (ledgerRows, stamps, records) = (after.LedgerRows - before.LedgerRows, after.Stamps - before.Stamps, after.IdempotencyRecords - before.IdempotencyRecords);
        if (ledgerRows != acknowledged || stamps != acknowledged || records != acknowledged)
        {
            throw new InvalidOperationException(
                $"Verification failed for {name}: {acknowledged} acknowledged, {ledgerRows} ledger rows, {stamps} stamps, {records} idempotency records added.");
        }

        var disagreeing = 0L;
        if (!name.StartsWith("baseline", StringComparison.Ordinal))
        {
            await using var command = _database.CreateCommand("""
                SELECT count(*) FROM cards c
                LEFT JOIN (SELECT card_number, count(*) AS entries, max(sequence) AS last FROM ledger_entries GROUP BY card_number) n USING (card_number)
                LEFT JOIN ledger_entries l ON l.card_number = c.card_number AND l.sequence = c.ledger_sequence
                WHERE c.program_id = $1
                  AND (n.entries IS DISTINCT FROM c.ledger_sequence OR n.last IS DISTINCT FROM c.ledger_sequence
                       OR l.stamps_after IS DISTINCT FROM c.stamps OR l.rewards_available_after IS DISTINCT FROM c.rewards_available
                       OR (c.state::jsonb->'head'->>'sequence')::bigint IS DISTINCT FROM c.ledger_sequence)
                """);
            command.CommandTimeout = 0;
            command.Parameters.Add(new NpgsqlParameter { Value = _fixture!.ProgramId });
            disagreeing = (long)(await command.ExecuteScalarAsync())!;
            if (disagreeing != 0)
            {
                throw new InvalidOperationException($"Verification failed for {name}: {disagreeing} cards disagree with their ledger.");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  verified: {acknowledged} acknowledged = {ledgerRows} ledger rows = {stamps} stamps = {records} idempotency records added{(name.StartsWith("baseline", StringComparison.Ordinal) ? "" : "; every card agrees with its ledger")}"));
    }

    private sealed record Totals(long LedgerRows, long Stamps, long IdempotencyRecords);

    /// <summary>
    /// Committed transactions and rows inserted or updated in all tables (server counters, see <see cref="DatabaseMeter"/>;
    /// the server publishes them with a delay of up to a second), and the WAL position in bytes (exact).
    /// </summary>
    private async Task<(long Commits, long Rows, long WalBytes)> StatsAsync()
    {
        var commits = await DatabaseMeter.CommitsAsync(_database);
        await using var command = _database.CreateCommand(
            "SELECT (SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0)::bigint FROM pg_stat_user_tables), pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (commits, reader.GetInt64(0), reader.GetInt64(1));
    }
}
