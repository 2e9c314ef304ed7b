using Microsoft.Extensions.Options;

namespace Loyalty.Database;

/// <summary>Checks <see cref="EmbeddedPostgresOptions"/> before anything touches the disk.</summary>
public sealed class EmbeddedPostgresOptionsValidator : IValidateOptions<EmbeddedPostgresOptions>
{
    private const int MaxIdentifierLength = 63;

    public ValidateOptionsResult Validate(string? name, EmbeddedPostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("EmbeddedPostgres: DataDirectory is required (the folder where the cluster lives).");
        }

        if (options.BinDirectory is not null && string.IsNullOrWhiteSpace(options.BinDirectory))
        {
            failures.Add("EmbeddedPostgres: BinDirectory must be unset or name a folder.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"EmbeddedPostgres: Port {options.Port} is not 0 (any free port) or a TCP port number.");
        }

        if (!IsPlainIdentifier(options.DatabaseName))
        {
            // The name is spliced into CREATE DATABASE, so only plain identifiers are accepted.
            failures.Add($"EmbeddedPostgres: DatabaseName '{options.DatabaseName}' must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63 characters).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsPlainIdentifier(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdentifierLength)
        {
            return false;
        }

        if (!(char.IsAsciiLetterLower(value[0]) || value[0] == '_'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
