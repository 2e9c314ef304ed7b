using System.Reflection;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Commands;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.GrainInterfaces.Tests;

/// <summary>
/// The attributes Orleans needs on the grain contracts: aliases that keep the wire format stable across renames, and
/// a generated serializer with explicit member ids for everything a grain call carries.
/// </summary>
public sealed class GrainContractAttributeTests
{
    public static TheoryData<string> GrainInterfaceNames => [.. GrainContracts.GrainInterfaces.Select(type => type.FullName!)];

    public static TheoryData<string> CarriedTypeNames => [.. GrainContracts.CarriedTypes.Select(type => type.FullName!)];

    public static TheoryData<string> SerializedTypeNames => [.. GrainContracts.SerializedTypes.Select(type => type.FullName!)];

    public static TheoryData<string> SerializedRecordNames =>
        [.. GrainContracts.SerializedTypes.Where(type => !type.IsEnum).Select(type => type.FullName!)];

    [Fact]
    public void CarriedTypes_OfTheGrainInterfaces_IncludeNestedAndGenericArgumentTypes()
    {
        // Guards the walk itself: these are reached only through a property or a generic argument.
        Assert.Contains(typeof(CustomerProfile), GrainContracts.CarriedTypes);
        Assert.Contains(typeof(ProgramDefinition), GrainContracts.CarriedTypes);
        Assert.Contains(typeof(RewardDefinition), GrainContracts.CarriedTypes);
        Assert.Contains(typeof(CommandResult<>), GrainContracts.CarriedTypes);
        Assert.Contains(typeof(CardCommandKind), GrainContracts.CarriedTypes);
        Assert.Equal(8, GrainContracts.GrainInterfaces.Count);
    }

    [Theory]
    [MemberData(nameof(GrainInterfaceNames))]
    public void GrainInterface_AndEachMethod_HaveAnAlias(string interfaceName)
    {
        var grain = GrainContracts.Find(interfaceName);

        Assert.Equal($"loyalty.{grain.Name}", grain.GetCustomAttribute<AliasAttribute>()?.Alias);
        foreach (var method in grain.GetMethods())
            Assert.Equal(method.Name, method.GetCustomAttribute<AliasAttribute>()?.Alias);
    }

    [Theory]
    [MemberData(nameof(CarriedTypeNames))]
    public void CarriedType_UsedInAGrainCall_HasGenerateSerializerAndAlias(string typeName)
    {
        var type = GrainContracts.Find(typeName);

        Assert.True(type.IsDefined(typeof(GenerateSerializerAttribute), inherit: false), $"{type} lacks [GenerateSerializer].");
        Assert.NotNull(type.GetCustomAttribute<AliasAttribute>());
    }

    [Theory]
    [MemberData(nameof(SerializedTypeNames))]
    public void SerializedType_Alias_IsLoyaltyAreaAndTypeName(string typeName)
    {
        var type = GrainContracts.Find(typeName);
        var area = type.Namespace!["Loyalty.GrainInterfaces.".Length..].ToLowerInvariant();

        Assert.Equal($"loyalty.{area}.{type.Name}", type.GetCustomAttribute<AliasAttribute>()?.Alias);
    }

    [Theory]
    [MemberData(nameof(SerializedRecordNames))]
    public void SerializedRecord_EveryInstanceField_HasAUniqueExplicitId(string typeName)
    {
        var type = GrainContracts.Find(typeName);
        var ids = new List<uint>();

        foreach (var field in GrainContracts.InstanceFields(type).Where(field => !field.IsDefined(typeof(NonSerializedAttribute))))
        {
            var id = GrainContracts.FindId(type, field);
            Assert.True(id is not null, $"{type.Name}.{GrainContracts.BackedPropertyName(field) ?? field.Name} has no [Id].");
            ids.Add(id.Id);
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(SerializedRecordNames))]
    public void ImmutableRecord_EveryMember_IsDeeplyImmutable(string typeName)
    {
        var type = GrainContracts.Find(typeName);
        if (!type.IsDefined(typeof(ImmutableAttribute), inherit: false))
            return;

        // Orleans passes [Immutable] values by reference, so no member may be a collection or another mutable type.
        foreach (var field in GrainContracts.InstanceFields(type))
            Assert.True(IsDeeplyImmutable(field.FieldType), $"{type.Name}.{field.Name} is a {field.FieldType}, which is not deeply immutable.");
    }

    [Fact]
    public void Aliases_OfTheAssemblysTypes_AreUnique()
    {
        // Generated proxies all share the alias GrainRef; only our own types count.
        var aliases = GrainContracts.Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("Loyalty.GrainInterfaces", StringComparison.Ordinal) == true)
            .Select(type => type.GetCustomAttribute<AliasAttribute>()?.Alias)
            .OfType<string>()
            .ToList();

        Assert.Equal(aliases.Count, aliases.Distinct(StringComparer.Ordinal).Count());
    }

    private static bool IsDeeplyImmutable(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            type = underlying;
        return type.IsPrimitive
            || type.IsEnum
            || type == typeof(string)
            || type == typeof(decimal)
            || type == typeof(Guid)
            || type == typeof(DateTime)
            || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly)
            || type == typeof(TimeSpan)
            || type.IsDefined(typeof(ImmutableAttribute), inherit: false);
    }
}
