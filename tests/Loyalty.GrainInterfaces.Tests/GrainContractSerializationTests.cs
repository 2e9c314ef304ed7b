using System.Text;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.GrainInterfaces.Tests;

/// <summary>
/// Every record a grain call carries survives Orleans' serializer and deep copier unchanged. Values go through as
/// <see cref="object"/>, so the wire format names their type, as it does for a value in a polymorphic member.
/// </summary>
public sealed class GrainContractSerializationTests(SerializerFixture fixture) : IClassFixture<SerializerFixture>
{
    private static readonly Dictionary<string, object> SamplesByName =
        GrainContractSamples.All.ToDictionary(sample => Describe(sample.GetType()), StringComparer.Ordinal);

    public static TheoryData<string> SampleNames => [.. SamplesByName.Keys];

    public static TheoryData<string> EnumNames =>
        [.. GrainContracts.SerializedTypes.Where(type => type.IsEnum).Select(type => type.FullName!)];

    [Fact]
    public void Samples_CoverEverySerializedRecord()
    {
        var covered = GrainContractSamples.All
            .Select(sample => sample.GetType())
            .Select(type => type.IsGenericType ? type.GetGenericTypeDefinition() : type)
            .ToHashSet();

        var missing = GrainContracts.SerializedTypes.Where(type => !type.IsEnum && !covered.Contains(type)).Select(type => type.Name);

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Serialize_Sample_RoundTripsToAnEqualValue(string sampleName)
    {
        var sample = SamplesByName[sampleName];

        var bytes = fixture.Serializer.SerializeToArray<object>(sample);
        var copy = fixture.Serializer.Deserialize<object>(bytes);

        AssertSameValue(sample, copy);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Serialize_Sample_NamesTheTypeByItsAlias(string sampleName)
    {
        var sample = SamplesByName[sampleName];

        var wire = Encoding.UTF8.GetString(fixture.Serializer.SerializeToArray<object>(sample));

        Assert.Contains("loyalty.", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("Loyalty.GrainInterfaces", wire, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void DeepCopy_Sample_GivesAnEqualValue(string sampleName)
    {
        var sample = SamplesByName[sampleName];

        var copy = fixture.Copier.Copy<object>(sample);

        AssertSameValue(sample, copy);
        // [Immutable] values are shared rather than copied; everything else must be a copy.
        Assert.Equal(sample.GetType().IsDefined(typeof(ImmutableAttribute), inherit: false), ReferenceEquals(sample, copy));
    }

    [Theory]
    [MemberData(nameof(EnumNames))]
    public void Serialize_EveryEnumValue_RoundTrips(string enumName)
    {
        foreach (var value in Enum.GetValues(GrainContracts.Find(enumName)))
        {
            var copy = fixture.Serializer.Deserialize<object>(fixture.Serializer.SerializeToArray<object>(value));

            Assert.Equal(value, copy);
        }
    }

    [Fact]
    public void Serialize_ProgramDefinitionWithDefaults_KeepsTheDefaults()
    {
        var program = new ProgramDefinition { Id = "p", MerchantId = "m", Name = "Stamps", Kind = ProgramKind.Stamps };

        var copy = Assert.IsType<ProgramDefinition>(fixture.Serializer.Deserialize<ProgramDefinition>(fixture.Serializer.SerializeToArray(program)));

        AssertSameValue(program, copy);
        Assert.Equal(PointExpiryPolicy.None, copy.PointExpiry);
        Assert.Equal(TierThresholds.Default, copy.TierThresholds);
        Assert.Empty(copy.Rewards);
    }

    /// <summary>
    /// Equal by value: records compare their collections by reference, so collections are compared element by element
    /// (the runtime types must match too, since Orleans keeps them).
    /// </summary>
    private static void AssertSameValue(object expected, object? actual)
    {
        Assert.IsType(expected.GetType(), actual);
        Assert.Equivalent(expected, actual, strict: true);
    }

    private static string Describe(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
            : type.Name;
}
