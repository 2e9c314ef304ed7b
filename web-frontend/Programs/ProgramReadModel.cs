using System.Text.Json;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Database;
using Npgsql;

namespace Loyalty.Web.Programs;

/// <summary>Reads the <c>programs</c> read model that the program grains write (the definition as jsonb).</summary>
public sealed class ProgramReadModel(LoyaltyDatabase database)
{
    // The grains store definitions with the web defaults (camelCase); reading needs the same.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ProgramDefinition>> ListAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT definition FROM programs WHERE merchant_id = $1 ORDER BY created_at, program_id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var programs = new List<ProgramDefinition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            programs.Add(JsonSerializer.Deserialize<ProgramDefinition>(reader.GetString(0), Json)
                ?? throw new InvalidOperationException("A programs row holds a null definition."));
        }

        return programs;
    }
}
