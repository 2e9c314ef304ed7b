namespace Loyalty.Database;

/// <summary>One versioned SQL script of a module.</summary>
/// <param name="Module">The module the script belongs to.</param>
/// <param name="Version">The script's number, from its file name.</param>
/// <param name="Name">The file name, <c>NNNN_description.sql</c>, as recorded in schema_migrations.</param>
/// <param name="Sql">The script text with line endings normalised to LF.</param>
/// <param name="Checksum">Lower-case hex SHA-256 of <paramref name="Sql"/>.</param>
internal sealed record Migration(string Module, int Version, string Name, string Sql, string Checksum);
