using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Runtime.Persistence;

namespace Loyalty.Runtime.Tests.Persistence;

/// <summary>Changes between two versions of an immutable state, and their replay onto a snapshot.</summary>
public sealed class StateChangesTests
{
    private static readonly JsonSerializerOptions Options = new GrainStateSerializer().Options;

    private static readonly Wallet Start = new()
    {
        Balance = 5,
        Owner = new Person("Ana", 3),
        Entries = [new Entry(1, "a"), new Entry(2, "b")],
        Tags = ["x"],
        At = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };

    [Fact]
    public void Diff_NothingChanged_IsNull()
    {
        Assert.Null(StateChanges.Diff(Start, Start, Options));
        Assert.Null(StateChanges.Diff(Start, Start with { Owner = Start.Owner, Note = null }, Options));
    }

    [Fact]
    public void Diff_ChangedValues_NamesOnlyThem()
    {
        var next = Start with { Balance = 6, Note = "née", Owner = Start.Owner! with { Level = 4 } };

        Assert.Equal("""{"balance":["=",6],"note":["=","née"],"owner":["~",{"level":["=",4]}]}""", Text(StateChanges.Diff(Start, next, Options)));
    }

    [Fact]
    public void Diff_ListThatDroppedItsFirstItemsAndGainedNewOnes_IsTheShiftAndTheNewItems()
    {
        var next = Start with { Entries = [Start.Entries[1], new Entry(3, "c")], Tags = [.. Start.Tags, "y"] };

        Assert.Equal("""{"entries":["+",1,[{"id":3,"text":"c"}]],"tags":["+",0,["y"]]}""", Text(StateChanges.Diff(Start, next, Options)));
    }

    [Fact]
    public void Diff_ListChangedInTheMiddle_DropsEveryItemAndAddsTheNewList()
    {
        var next = Start with { Entries = [Start.Entries[0] with { Text = "A" }, Start.Entries[1]] };

        Assert.Equal("""{"entries":["+",2,[{"id":1,"text":"A"},{"id":2,"text":"b"}]]}""", Text(StateChanges.Diff(Start, next, Options)));
    }

    [Fact]
    public void Diff_SameInstantInAnotherOffset_IsAChange()
    {
        var next = Start with { At = Start.At.ToOffset(TimeSpan.FromHours(1)) };

        Assert.Equal("""{"at":["=","2026-01-02T04:04:05+01:00"]}""", Text(StateChanges.Diff(Start, next, Options)));
    }

    [Fact]
    public void Diff_ObjectBecomingNull_IsReplacedByNull()
    {
        Assert.Equal("""{"owner":["=",null]}""", Text(StateChanges.Diff(Start, Start with { Owner = null }, Options)));
        Assert.Equal("""{"owner":["=",{"name":"Bo","level":1}]}""", Text(StateChanges.Diff(Start with { Owner = null }, Start with { Owner = new Person("Bo", 1) }, Options)));
    }

    [Fact]
    public void Diff_PropertyWithAConverterOfItsOwn_WritesTheNewValueThroughIt()
    {
        var change = Text(StateChanges.Diff(new Labelled("old"), new Labelled("new"), Options));

        Assert.Equal("""{"code":["=","NEW"]}""", change);
        Assert.Equal("""{"code":"NEW"}""", Encoding.UTF8.GetString(StateChanges.Apply("""{"code":"OLD"}"""u8.ToArray(), change!)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Apply_RandomChangesFromAnySnapshot_ReadsBackAsTheLastState(int seed)
    {
        var random = new Random(seed);
        var states = new List<Wallet> { Start };
        for (var step = 0; step < 200; step++)
        {
            states.Add(Mutate(states[^1], random, step));
        }

        for (var from = 0; from < states.Count; from += 9)
        {
            var changes = new StringBuilder();
            for (var i = from + 1; i < states.Count; i++)
            {
                changes.Append(Text(StateChanges.Diff(states[i - 1], states[i], Options)) ?? "{}").Append('\n');
            }

            var replayed = StateChanges.Apply(JsonSerializer.SerializeToUtf8Bytes(states[from], Options), changes.ToString());

            Assert.Equal(JsonSerializer.Serialize(states[^1], Options), JsonSerializer.Serialize(JsonSerializer.Deserialize<Wallet>(replayed, Options), Options));
            Assert.Equal(states.Count - from - 1, StateChanges.Count(changes.ToString()));
        }
    }

    [Fact]
    public void Apply_ChangesInsidePropertiesTheSnapshotLacks_ApplyToTheirDefaults()
    {
        var changed = Start with { Owner = Start.Owner! with { Level = 9 }, Tags = [.. Start.Tags, "y"] };
        var change = StateChanges.Diff(Start, changed, Options)!;
        var older = JsonSerializer.SerializeToNode(Start, Options)!.AsObject();
        older.Remove("owner");
        older.Remove("tags");

        var replayed = JsonSerializer.Deserialize<Wallet>(StateChanges.Apply(JsonSerializer.SerializeToUtf8Bytes(older), Encoding.UTF8.GetString(change)), Options)!;

        Assert.Equal(new Person(null!, 9), replayed.Owner);
        Assert.Equal(["y"], replayed.Tags);
    }

    [Theory]
    [InlineData("""{"balance":["?",1]}""")]
    [InlineData("""{"balance":1}""")]
    [InlineData("""{"owner":["~",{"name":["~",{}]}]}""")]
    [InlineData("""{"tags":["+",2,["y"]]}""")]
    [InlineData("""{"balance":["+",0,[]]}""")]
    [InlineData("""[1]""")]
    public void Apply_MalformedChange_Throws(string change)
    {
        var snapshot = JsonSerializer.SerializeToUtf8Bytes(Start, Options);

        Assert.ThrowsAny<JsonException>(() => StateChanges.Apply(snapshot, change + "\n"));
    }

    [Fact]
    public void EnsureImmutable_StateWithSetterOrMutableList_Throws()
    {
        StateChanges.EnsureImmutable(typeof(Wallet), Options);

        var setter = Assert.Throws<InvalidOperationException>(() => StateChanges.EnsureImmutable(typeof(WithSetter), Options));
        var list = Assert.Throws<InvalidOperationException>(() => StateChanges.EnsureImmutable(typeof(WithList), Options));
        var nested = Assert.Throws<InvalidOperationException>(() => StateChanges.EnsureImmutable(typeof(WithMutableInside), Options));

        Assert.Contains("WithSetter.Count has a setter", setter.Message, StringComparison.Ordinal);
        Assert.Contains("WithList.Items is a List`1", list.Message, StringComparison.Ordinal);
        Assert.Contains("WithSetter.Count has a setter", nested.Message, StringComparison.Ordinal);
    }

    private static Wallet Mutate(Wallet state, Random random, int step) => random.Next(7) switch
    {
        0 => state with { Balance = state.Balance + random.Next(-3, 4) },
        1 => state with { Note = random.Next(3) == 0 ? null : $"note {step} \n\r \u2028 \u2029 \u0085 \f \"quoted\" ü" },
        2 => state with { Owner = state.Owner is null ? new Person($"P{step}", 0) : random.Next(4) == 0 ? null : state.Owner with { Level = step } },
        3 => state with { Entries = [.. state.Entries.Skip(state.Entries.Count >= 5 ? 1 : 0), new Entry(step, $"e{step}")] },
        4 => state with { Entries = state.Entries.Count == 0 ? [] : [.. state.Entries.Take(state.Entries.Count - 1)] },
        5 => state with { Tags = [.. state.Tags.Skip(random.Next(0, state.Tags.Count + 1)), .. Enumerable.Range(0, random.Next(3)).Select(i => $"t{step}.{i}")] },
        _ => state with { At = state.At.AddMinutes(random.Next(1, 90)).ToOffset(TimeSpan.FromHours(random.Next(-2, 3))) },
    };

    private static string? Text(byte[]? change) => change is null ? null : Encoding.UTF8.GetString(change);

    public sealed record Wallet
    {
        public long Balance { get; init; }

        public string? Note { get; init; }

        public Person? Owner { get; init; }

        public IReadOnlyList<Entry> Entries { get; init; } = [];

        public IReadOnlyList<string> Tags { get; init; } = [];

        public DateTimeOffset At { get; init; }
    }

    public sealed record Person(string Name, int Level);

    public sealed record Labelled([property: JsonConverter(typeof(UpperCaseJson))] string Code);

    public sealed class UpperCaseJson : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!.ToLowerInvariant();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
    }

    public sealed record Entry(int Id, string Text);

    public sealed class WithSetter
    {
        public int Count { get; set; }
    }

    public sealed record WithList(List<int> Items);

    public sealed record WithMutableInside(WithSetter Inner);
}
