using System.Reflection;
using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.GrainInterfaces.Tests;

/// <summary>Finds, by reflection, the grain interfaces of Loyalty.GrainInterfaces and the types their calls carry.</summary>
internal static class GrainContracts
{
    public static Assembly Assembly { get; } = typeof(ICardGrain).Assembly;

    public static IReadOnlyList<Type> GrainInterfaces { get; } =
        [.. Assembly.GetExportedTypes().Where(type => type.IsInterface && typeof(IGrain).IsAssignableFrom(type)).OrderBy(type => type.FullName, StringComparer.Ordinal)];

    /// <summary>
    /// The assembly's types that a grain call carries: every parameter and result of a grain interface method and,
    /// recursively, the types of their properties and generic arguments (generic types as their definition).
    /// </summary>
    public static IReadOnlyList<Type> CarriedTypes { get; } = FindCarriedTypes();

    /// <summary>The assembly's types marked <see cref="GenerateSerializerAttribute"/>.</summary>
    public static IReadOnlyList<Type> SerializedTypes { get; } =
        [.. Assembly.GetTypes().Where(type => type.IsDefined(typeof(GenerateSerializerAttribute), inherit: false)).OrderBy(type => type.FullName, StringComparer.Ordinal)];

    public static Type Find(string fullName) =>
        Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Instance fields the serializer must see: auto-property backing fields and plain fields.</summary>
    public static IEnumerable<FieldInfo> InstanceFields(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);

    /// <summary>The property name behind a backing field (<c>&lt;Name&gt;k__BackingField</c>), or null for a plain field.</summary>
    public static string? BackedPropertyName(FieldInfo field)
    {
        const string Suffix = ">k__BackingField";
        return field.Name.StartsWith('<') && field.Name.EndsWith(Suffix, StringComparison.Ordinal)
            ? field.Name[1..^Suffix.Length]
            : null;
    }

    /// <summary>The <see cref="IdAttribute"/> of a field: on the field, its property, or the primary-constructor parameter of that name.</summary>
    public static IdAttribute? FindId(Type type, FieldInfo field)
    {
        if (field.GetCustomAttribute<IdAttribute>() is { } onField)
            return onField;
        if (BackedPropertyName(field) is not { } name)
            return null;
        if (type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            ?.GetCustomAttribute<IdAttribute>() is { } onProperty)
            return onProperty;
        return type.GetConstructors()
            .SelectMany(constructor => constructor.GetParameters())
            .Where(parameter => parameter.Name == name)
            .Select(parameter => parameter.GetCustomAttribute<IdAttribute>())
            .FirstOrDefault(id => id is not null);
    }

    private static Type[] FindCarriedTypes()
    {
        var found = new HashSet<Type>();
        foreach (var method in GrainInterfaces.SelectMany(grain => grain.GetMethods()))
        {
            Visit(method.ReturnType, found);
            foreach (var parameter in method.GetParameters())
                Visit(parameter.ParameterType, found);
        }

        return [.. found.OrderBy(type => type.FullName, StringComparer.Ordinal)];
    }

    private static void Visit(Type type, HashSet<Type> found)
    {
        if (type.IsGenericParameter)
            return;
        if (type.HasElementType)
        {
            Visit(type.GetElementType()!, found);
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
                Visit(argument, found);
            type = type.GetGenericTypeDefinition();
        }

        if (type.Assembly != Assembly || !found.Add(type))
            return;
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            Visit(property.PropertyType, found);
    }
}
