using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Terminal;

/// <summary>
/// A load in which every stamp is sent twice at the same moment with the same idempotency key, over real HTTP: a
/// terminal's retry racing its original. Both get the first answer, nothing answers 5xx, and every stamp counts once.
/// </summary>
public sealed class DuplicateStampLoadTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private const string Api = "/api/terminal/v1";
    private const int Terminals = 8;
    private const int StampsPerTerminal = 100;
    private const int StampsRequired = 10;

    [Fact]
    public Task Stamps_EverySentTwiceAtOnceOnOneHotCard_AnswerAlikeWithoutServerErrorsAndCountOnce() =>
        RunAsync(cards: 1);

    [Fact]
    public Task Stamps_EverySentTwiceAtOnceOnFourCards_AnswerAlikeWithoutServerErrorsAndCountOnce() =>
        RunAsync(cards: 4);

    private async Task RunAsync(int cards)
    {
        var store = await app.CreateStoreAsync();
        var program = await app.CreateProgramAsync(store.MerchantId, new { name = "Coffee", kind = "stamps", stampsRequired = StampsRequired, stampRewardName = "Coffee" });
        var pinId = await app.CreatePinAsync(store.StoreId, "2468");
        var devices = new List<TestDevice>();
        for (var i = 0; i < Terminals; i++)
        {
            devices.Add(await app.PairAsync(store.StoreId, $"Till {i}"));
        }

        var numbers = new List<string>();
        using (var enrolling = app.Device(devices[0].Token))
        {
            for (var i = 0; i < cards; i++)
            {
                var enrolled = await enrolling.PostAsJsonAsync($"{Api}/enrollments", new
                {
                    programId = program.GetProperty("id").GetString(),
                    email = $"{Guid.NewGuid():N}@example.com",
                    name = "Lena Weber",
                    pinId,
                    idempotencyKey = $"enrol-{Guid.NewGuid():N}",
                });
                Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
                numbers.Add((await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString()!);
            }
        }

        var clients = devices.Select(d => app.Device(d.Token)).ToList();
        try
        {
            // Each terminal sends its stamps one after another, each one twice at once; the terminals run together.
            var perTerminal = await Task.WhenAll(Enumerable.Range(0, Terminals).Select(async terminal =>
            {
                var sent = new List<SentTwice>();
                for (var i = 0; i < StampsPerTerminal; i++)
                {
                    var number = numbers[(terminal + i) % cards];
                    var key = $"t{terminal}-s{i}";
                    var url = $"{Api}/cards/{number}/stamps";
                    var body = new { count = 1, pinId, idempotencyKey = key };
                    var both = await Task.WhenAll(SendAsync(clients[terminal], url, body), SendAsync(clients[terminal], url, body));
                    sent.Add(new SentTwice(number, key, both[0], both[1]));
                }

                return sent;
            }));
            var all = perTerminal.SelectMany(s => s).ToList();

            var failed = all.SelectMany(s => new[] { s.First, s.Second }).Where(a => a.Status != HttpStatusCode.OK).ToList();
            Assert.True(failed.Count == 0, $"{failed.Count} of {all.Count * 2} answers were not 200, e.g. {string.Join(" | ", failed.Take(3).Select(a => $"{(int)a.Status} {a.Text}"))}");
            Assert.All(all, s => Assert.Equal(s.First.Text, s.Second.Text));
            Assert.Equal(all.Count, all.Select(s => s.First.TransactionId).Distinct().Count());

            foreach (var number in numbers)
            {
                var onCard = all.Where(s => s.Number == number).ToList();
                var stamps = onCard.Count;
                Assert.Equal(Terminals * StampsPerTerminal / cards, stamps);

                // The answers are the card after each stamp: every count from 1 to the total once, none skipped or repeated.
                Assert.Equal(
                    Enumerable.Range(1, stamps),
                    onCard.Select(s => (s.First.RewardsAvailable * StampsRequired) + s.First.Stamps).Order());

                // Committed exactly once each: one ledger row per key, carrying the answered transaction.
                var ledger = await LedgerAsync(number);
                Assert.Equal(onCard.Select(s => (s.Key, s.First.TransactionId)).Order(), ledger.Order());

                using var admin = app.Admin();
                var card = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{number}");
                Assert.Equal((stamps % StampsRequired, stamps / StampsRequired), (card.GetProperty("stamps").GetInt32(), card.GetProperty("rewardsAvailable").GetInt32()));
                var verification = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/v1/cards/{number}/ledger-verification");
                Assert.True(verification.GetProperty("isValid").GetBoolean());
                Assert.Equal(stamps + 1, verification.GetProperty("entriesChecked").GetInt64());
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private async Task<List<(string Key, Guid TransactionId)>> LedgerAsync(string number)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.App.ConnectionString);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT idempotency_key, transaction_id FROM ledger_entries WHERE card_number = $1 AND kind = 'stamp'", connection);
        query.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = number });
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<(string, Guid)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return rows;
    }

    private static async Task<Answer> SendAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Answer(response.StatusCode, text, Guid.Empty, 0, 0);
        }

        var json = JsonDocument.Parse(text).RootElement;
        return new Answer(
            response.StatusCode,
            text,
            json.GetProperty("transactionId").GetGuid(),
            json.GetProperty("stamps").GetInt32(),
            json.GetProperty("rewardsAvailable").GetInt32());
    }

    private sealed record Answer(HttpStatusCode Status, string Text, Guid TransactionId, int Stamps, int RewardsAvailable);

    private sealed record SentTwice(string Number, string Key, Answer First, Answer Second);
}
