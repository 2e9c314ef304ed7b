using Npgsql;

namespace Loyalty.Testing;

/// <summary>Reads the <c>cards</c> read model directly, to check what an enrolment did (or did not) write.</summary>
public static class CardRows
{
    public static async Task<long> CountForProgramAsync(string connectionString, Guid programId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM cards WHERE program_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
