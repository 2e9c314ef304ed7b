using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Loyalty.Database;

/// <summary>
/// The migrations of one module: SQL files named <c>Migrations/NNNN_description.sql</c>, embedded as resources in
/// the module's assembly. Versions are applied in ascending order and never edited once applied.
/// </summary>
public sealed partial class MigrationSource
{
    private const string DefaultFolder = "Migrations.";

    /// <param name="module">Name under which the applied versions are recorded, e.g. <c>orleans</c>.</param>
    /// <param name="assembly">Assembly that embeds the SQL files.</param>
    /// <param name="resourcePrefix">
    /// Manifest resource name prefix of the files, e.g. <c>Loyalty.Database.Migrations.</c>. Unset: every
    /// resource whose name ends in <c>Migrations.NNNN_description.sql</c>.
    /// </param>
    public MigrationSource(string module, Assembly assembly, string? resourcePrefix = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        ArgumentNullException.ThrowIfNull(assembly);
        Module = module;
        Assembly = assembly;
        ResourcePrefix = resourcePrefix;
    }

    /// <summary>
    /// The tables and <c>OrleansQuery</c> rows of Orleans' ADO.NET clustering, grain storage and reminders, from
    /// database/Migrations.
    /// </summary>
    public static MigrationSource Orleans { get; } =
        new("orleans", typeof(MigrationSource).Assembly, "Loyalty.Database.Migrations.");

    public string Module { get; }

    public Assembly Assembly { get; }

    public string? ResourcePrefix { get; }

    public override string ToString() => $"{Module} ({Assembly.GetName().Name})";

    /// <summary>Reads and checks the scripts, ordered by version.</summary>
    internal IReadOnlyList<Migration> Load()
    {
        var migrations = new List<Migration>();
        foreach (var resource in Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var fileName = FileNameOf(resource);
            if (fileName is null)
            {
                continue;
            }

            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new SchemaMigrationException(
                    $"Migration resource '{resource}' of module '{Module}' is not named NNNN_description.sql (four digits, an underscore, lower-case letters, digits and underscores).");
            }

            var version = int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var duplicate = migrations.Find(existing => existing.Version == version);
            if (version == 0 || duplicate is not null)
            {
                throw new SchemaMigrationException(
                    $"Migration {fileName} of module '{Module}' has version {version}, which is zero or also used by {duplicate?.Name}; versions start at 0001 and are unique.");
            }

            var sql = ReadText(resource);
            migrations.Add(new Migration(Module, version, fileName, sql, Checksum(sql)));
        }

        return [.. migrations.OrderBy(migration => migration.Version)];
    }

    private string? FileNameOf(string resource)
    {
        if (!resource.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (ResourcePrefix is not null)
        {
            return resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? resource[ResourcePrefix.Length..] : null;
        }

        var folder = resource.LastIndexOf(DefaultFolder, StringComparison.Ordinal);
        var atSegmentStart = folder == 0 || (folder > 0 && resource[folder - 1] == '.');
        if (!atSegmentStart)
        {
            return null;
        }

        // Files in sub-folders of Migrations (say, test sets) are not the module's own; they need a prefix.
        var fileName = resource[(folder + DefaultFolder.Length)..];
        return fileName.IndexOf('.', StringComparison.Ordinal) == fileName.Length - ".sql".Length ? fileName : null;
    }

    private string ReadText(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new SchemaMigrationException($"Migration resource '{resource}' of module '{Module}' could not be read.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        // Line endings depend on how git checked the file out; they must not make a migration look edited.
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    private static string Checksum(string sql) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));

    [GeneratedRegex(@"^(?<version>[0-9]{4})_[a-z0-9_]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
