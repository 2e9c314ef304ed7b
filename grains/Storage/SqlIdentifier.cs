namespace Loyalty.Grains.Storage;

/// <summary>Guards the table and column names that storage code splices into SQL.</summary>
internal static class SqlIdentifier
{
    /// <summary>Throws unless <paramref name="identifier"/> is a plain lower-case identifier (it is then quoted in SQL).</summary>
    public static void Validate(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (identifier.Length > 63 || !(char.IsAsciiLetterLower(identifier[0]) || identifier[0] == '_'))
        {
            throw new ArgumentException($"'{identifier}' is not a plain lower-case SQL identifier.", nameof(identifier));
        }

        foreach (var c in identifier)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException($"'{identifier}' is not a plain lower-case SQL identifier.", nameof(identifier));
            }
        }
    }
}
