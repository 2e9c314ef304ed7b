using Loyalty.GrainInterfaces.Cards;
using Orleans;
using Loyalty.Database;
using Loyalty.Web.Admin;
using Loyalty.Web.Problems;
using Npgsql;

namespace Loyalty.Web.Cards;

/// <summary>Cards in the admin API: the card with its customer, and its transactions page by page.</summary>
public static class AdminCardEndpoints
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAdminCardEndpoints(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/cards/{cardNumber}", GetCardAsync)
            .WithName("GetCard")
            .WithSummary("A card with its customer's name, e-mail, phone and birthday.")
            .Produces<AdminCardBody>()
            .CardAccessProblems();
        admin.MapGet("/cards/{cardNumber}/transactions", GetTransactionsAsync)
            .WithName("GetCardTransactions")
            .WithSummary("A card's ledger entries, newest first, page by page.")
            .Produces<TransactionPage>()
            .CardAccessProblems();
        return admin;
    }

    /// <summary>What <see cref="AdminCardAccess.FindAsync"/> may answer: a malformed number, another merchant's card, no card.</summary>
    internal static RouteHandlerBuilder CardAccessProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetCardAsync(string cardNumber, HttpContext context, IGrainFactory grains)
    {
        var (card, problem) = await AdminCardAccess.FindAsync(cardNumber, context, grains);
        return problem ?? TypedResults.Ok(CardBodies.Admin(card!));
    }

    private static async Task<IResult> GetTransactionsAsync(
        string cardNumber, int? page, int? pageSize, HttpContext context, IGrainFactory grains, LoyaltyDatabase database, CancellationToken cancellationToken)
    {
        var validation = new ValidationProblem()
            .When(page is < 1, "page", "page starts at 1.")
            .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"pageSize is 1 to {MaxPageSize}.");
        if (validation.HasErrors)
        {
            return validation.ToResult();
        }

        var (_, problem) = await AdminCardAccess.FindAsync(cardNumber, context, grains);
        if (problem is not null)
        {
            return problem;
        }

        var (number, size) = (page ?? 1, pageSize ?? 50);
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT transaction_id, kind, reason, stamps_delta, points_delta, stamps_after, points_after, store_id, device_id, pin_id,
                   idempotency_key, occurred_at, recorded_at, count(*) OVER ()
            FROM ledger_entries WHERE card_number = $1 ORDER BY sequence DESC OFFSET $2 LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(number - 1) * size });
        command.Parameters.Add(new NpgsqlParameter { Value = size });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<TransactionBody>();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new TransactionBody(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt32(5), reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12)));
            total = reader.GetInt64(13);
        }

        if (items.Count == 0)
        {
            total = await CountAsync(database, cardNumber, cancellationToken);
        }

        return TypedResults.Ok(new TransactionPage(items, number, size, total));
    }

    private static async Task<long> CountAsync(LoyaltyDatabase database, string cardNumber, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM ledger_entries WHERE card_number = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = cardNumber });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
