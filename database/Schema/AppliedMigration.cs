namespace Loyalty.Database;

/// <summary>A migration that <see cref="SchemaMigrator"/> applied in this run.</summary>
/// <param name="Module">The module the migration belongs to.</param>
/// <param name="Version">The migration's number.</param>
/// <param name="Name">The migration's file name, <c>NNNN_description.sql</c>.</param>
public sealed record AppliedMigration(string Module, int Version, string Name);
