using Npgsql;

namespace Loyalty.Grains.Catalog;

/// <summary>Recognises a failed state write caused by a given unique constraint (SQLSTATE 23505).</summary>
public static class UniqueViolation
{
    public static bool Matches(Exception exception, string constraintName)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres)
                return string.Equals(postgres.ConstraintName, constraintName, StringComparison.Ordinal);
        }

        return false;
    }
}
