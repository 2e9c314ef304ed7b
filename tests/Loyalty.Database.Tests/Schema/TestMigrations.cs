namespace Loyalty.Database.Tests.Schema;

/// <summary>The migration sets embedded from Schema/Migrations/*; all belong to one module, "cards".</summary>
internal static class TestMigrations
{
    public const string Module = "cards";

    /// <summary>0001 creates a table, 0002 fills it, 0003 alters it.</summary>
    public static MigrationSource Ordered { get; } = Set("Ordered");

    /// <summary>The Ordered set with 0001 edited and a new 0004.</summary>
    public static MigrationSource Edited { get; } = Set("Edited");

    /// <summary>0001 as in Ordered, then a 0002 whose second statement fails.</summary>
    public static MigrationSource Failing { get; } = Set("Failing");

    private static MigrationSource Set(string folder) =>
        new(Module, typeof(TestMigrations).Assembly, $"Loyalty.Database.Tests.Schema.Migrations.{folder}.");
}
