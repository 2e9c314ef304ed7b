using Npgsql;

namespace Loyalty.Grains.Storage;

/// <summary>Tells what an exception says about the writes that met it and about the connection they were sent on.</summary>
internal static class StorageErrors
{
    /// <summary>
    /// An error that PostgreSQL raised for a statement (a constraint, a value it refused, a deadlock): it rolled the
    /// transaction back and answered, so the connection is ready for the next one.
    /// </summary>
    public static bool IsStatementError(Exception exception) =>
        exception is PostgresException postgres
        && postgres.InvariantSeverity is not ("FATAL" or "PANIC")
        && !postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        && !postgres.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
        && !postgres.SqlState.StartsWith("57", StringComparison.Ordinal) // operator intervention (shutdown, cancel)
        && !postgres.SqlState.StartsWith("58", StringComparison.Ordinal); // system error

    /// <summary>
    /// An error caused by some write of a batch rather than by the connection: a statement error, or a value the client
    /// could not send (it checks them all before sending anything). Retrying the writes apart isolates the faulty one.
    /// </summary>
    public static bool IsWriteSpecific(Exception exception) =>
        IsStatementError(exception) || exception is ArgumentException or InvalidCastException or NotSupportedException or OverflowException;

    /// <summary>The connection failed or the server went away: what was sent may or may not have committed.</summary>
    public static bool IsConnectionFailure(Exception exception) => exception is NpgsqlException && !IsStatementError(exception);

    /// <summary>A short description for logs: the SQLSTATE and constraint of a PostgreSQL error, else the exception's type.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        PostgresException { ConstraintName: { } constraint } postgres => $"{postgres.SqlState} on {constraint}",
        PostgresException postgres => postgres.SqlState,
        _ => exception.GetType().Name,
    };
}
