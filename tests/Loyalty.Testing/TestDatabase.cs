using Npgsql;

namespace Loyalty.Testing;

/// <summary>One-off queries on a test's database, for assertions.</summary>
public static class TestDatabase
{
    /// <summary>The first column of the first row, or default when there is none (or it is NULL).</summary>
    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
