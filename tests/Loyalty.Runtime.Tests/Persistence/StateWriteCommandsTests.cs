using System.Text;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.Persistence;

public sealed class StateWriteCommandsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WritesOfOneShape_ShareOneStatementText()
    {
        var first = StateWriteCommands.Create(Write("a", StorageRow.Insert("test_values", new("id", Guid.NewGuid()), new("int_value", 1))), "svc", Now);
        var second = StateWriteCommands.Create(Write("b", StorageRow.Insert("test_values", new("id", Guid.NewGuid()), new("int_value", 2))), "svc", Now);
        var other = StateWriteCommands.Create(Write("c", StorageRow.Insert("test_values", new("id", Guid.NewGuid()), new("long_value", 3L))), "svc", Now);

        Assert.Same(first.CommandText, second.CommandText);
        Assert.Contains("\"int_value\"", first.CommandText, StringComparison.Ordinal);
        Assert.Contains("\"long_value\"", other.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"int_value\"", other.CommandText, StringComparison.Ordinal);
    }

    private static StateWrite Write(string key, StorageRow row) =>
        new(new GrainStateKey(GrainId.Create("test-commands", key), "state"), Encoding.UTF8.GetBytes("{}"), 3, [row]);
}
