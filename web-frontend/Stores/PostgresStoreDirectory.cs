using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Stores;

/// <summary>
/// <see cref="IStoreDirectory"/> over the read-model tables. Columns read: <c>stores(store_id, merchant_id, name)</c>,
/// <c>merchants(merchant_id, name)</c>, <c>programs(program_id, merchant_id, name, kind)</c>. A table that does not
/// exist yet (its module not deployed) reads as empty rather than failing the request.
/// </summary>
internal sealed class PostgresStoreDirectory(LoyaltyDatabase database) : IStoreDirectory
{
    private const string UndefinedTable = "42P01";

    public async Task<StoreInfo?> FindAsync(Guid storeId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT s.store_id, s.name, s.merchant_id, m.name
            FROM stores s JOIN merchants m ON m.merchant_id = s.merchant_id
            WHERE s.store_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = storeId });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new StoreInfo(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3))
                : null;
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ProgramSummary>> ListProgramsAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT program_id, name, kind FROM programs WHERE merchant_id = $1 ORDER BY name, program_id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        var programs = new List<ProgramSummary>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                programs.Add(new ProgramSummary(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            return [];
        }

        return programs;
    }
}
