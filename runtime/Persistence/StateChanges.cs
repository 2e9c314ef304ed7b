using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// What changed between two versions of an immutable state, as one line of JSON, and how to replay such lines onto the
/// stored snapshot (see <see cref="StateTableAttribute.SnapshotTable"/>). A change names, per property, one of:
/// <list type="bullet">
/// <item><c>["=", value]</c>: the property's new value, serialized as the whole state would serialize it;</item>
/// <item><c>["~", {…}]</c>: the changes inside an object-valued property;</item>
/// <item><c>["+", n, [items]]</c>: a list lost its first <c>n</c> items and gained <c>items</c> at its end (a capped
/// history: a card's last transactions, its recent keys).</item>
/// </list>
/// Unchanged properties are left out. Values are compared without serializing them: an unchanged part of an immutable
/// state is the same object (a record's <c>with</c> copies references), so comparing references finds what changed,
/// and the change costs only the bytes of what changed. That is why a state stored this way must be immutable
/// (<see cref="EnsureImmutable"/>): a part changed in place would look unchanged.
/// </summary>
public static class StateChanges
{
    // Changes are stored in a text column, never embedded in a page: "+" and non-ASCII letters need no escaping.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ConditionalWeakTable<JsonPropertyInfo, JsonSerializerOptions> PropertyOptions = [];
    private static readonly ConcurrentDictionary<Type, Func<IList, IList, int>> ShiftFinders = new();
    private static readonly ConcurrentDictionary<(Type, JsonSerializerOptions), string> Validated = new();

    /// <summary>
    /// The change from <paramref name="before"/> to <paramref name="after"/> as UTF-8 JSON without a line break, or
    /// null when nothing changed.
    /// </summary>
    public static byte[]? Diff<TState>(TState before, TState after, JsonSerializerOptions options)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteObjectChanges(writer, options.GetTypeInfo(typeof(TState)), before, after, options);
        }

        return buffer.WrittenCount == 2 ? null : buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// <paramref name="snapshot"/> (a state's UTF-8 JSON) with each line of <paramref name="changes"/> applied in order.
    /// </summary>
    public static byte[] Apply(byte[] snapshot, string changes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(changes);
        var state = JsonNode.Parse(snapshot) as JsonObject
            ?? throw new JsonException("A state snapshot is not a JSON object.");
        foreach (var line in changes.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var change = JsonNode.Parse(line) as JsonObject
                ?? throw new JsonException("A state change is not a JSON object.");
            ApplyObject(state, change);
        }

        return JsonSerializer.SerializeToUtf8Bytes(state);
    }

    /// <summary>
    /// How many changes <paramref name="changes"/> holds, one per line. Lines end at <c>\n</c> only, which JSON escapes
    /// inside strings; other line separators, however a writer treats them, never split a change.
    /// </summary>
    public static int Count(string? changes)
    {
        var count = 0;
        var start = 0;
        var text = changes ?? string.Empty;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            count += end > start ? 1 : 0;
            start = end + 1;
        }

        return count;
    }

    /// <summary>
    /// Throws unless every property <paramref name="stateType"/> serializes, and every property of the objects inside
    /// it, is read-only or init-only and declares a read-only collection type where it holds a collection: what lets
    /// <see cref="Diff{TState}"/> trust that a part with the same reference did not change.
    /// </summary>
    public static void EnsureImmutable(Type stateType, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(stateType);
        ArgumentNullException.ThrowIfNull(options);
        var problem = Validated.GetOrAdd((stateType, options), static key => FindMutable(key.Item1, key.Item2, []) ?? string.Empty);
        if (problem.Length > 0)
        {
            throw new InvalidOperationException(
                $"State type {stateType.Name} is stored as changes since a snapshot, which needs an immutable state: {problem}");
        }
    }

    private static void WriteObjectChanges(Utf8JsonWriter writer, JsonTypeInfo info, object before, object after, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var property in info.Properties)
        {
            if (property.Get is not { } get)
            {
                continue;
            }

            var a = get(before);
            var b = get(after);
            if (Same(a, b))
            {
                continue;
            }

            writer.WritePropertyName(property.Name);
            writer.WriteStartArray();
            if (a is not null && b is not null && !property.PropertyType.IsValueType && property.CustomConverter is null)
            {
                var valueInfo = options.GetTypeInfo(property.PropertyType);
                if (valueInfo.Kind == JsonTypeInfoKind.Object && a.GetType() == property.PropertyType && b.GetType() == property.PropertyType)
                {
                    writer.WriteStringValue("~");
                    WriteObjectChanges(writer, valueInfo, a, b, options);
                    writer.WriteEndArray();
                    continue;
                }

                if (valueInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } elementType } && a is IList older && b is IList newer
                    && ShiftFinder(elementType)(older, newer) is var dropped)
                {
                    writer.WriteStringValue("+");
                    writer.WriteNumberValue(dropped);
                    writer.WriteStartArray();
                    for (var i = older.Count - dropped; i < newer.Count; i++)
                    {
                        JsonSerializer.Serialize(writer, newer[i], elementType, options);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndArray();
                    continue;
                }
            }

            writer.WriteStringValue("=");
            JsonSerializer.Serialize(writer, b, property.PropertyType, OptionsFor(property, options));
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    // One finder per item type, so items of a value type are compared without boxing them (a card's 64 recent keys).
    private static Func<IList, IList, int> ShiftFinder(Type itemType) => ShiftFinders.GetOrAdd(itemType, static type =>
        typeof(StateChanges).GetMethod(nameof(FindShift), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate<Func<IList, IList, int>>());

    /// <summary>
    /// How many items <paramref name="older"/> lost at its start, <paramref name="newer"/> being its remaining items
    /// followed by new ones; all of them when newer is not (newer's items are then all new).
    /// </summary>
    private static int FindShift<T>(IList older, IList newer)
    {
        if (older is not IReadOnlyList<T> before || newer is not IReadOnlyList<T> after)
        {
            return older.Count;
        }

        // The kept part starts where newer's first item is in older; a few candidates at most (items are rarely equal).
        var candidates = 0;
        for (var dropped = 0; dropped < before.Count && candidates < 8; dropped++)
        {
            var kept = before.Count - dropped;
            if (kept > after.Count || !SameItem(before[dropped], after[0]))
            {
                continue;
            }

            candidates++;
            var matches = true;
            for (var i = 1; i < kept && matches; i++)
            {
                matches = SameItem(before[dropped + i], after[i]);
            }

            if (matches)
            {
                return dropped;
            }
        }

        return before.Count;
    }

    // As Same, specialized per item type: a value type's own equality, except for the types Same judges more strictly.
    private static bool SameItem<T>(T a, T b) =>
        !typeof(T).IsValueType || typeof(T) == typeof(DateTimeOffset) || typeof(T) == typeof(DateTime) || typeof(T) == typeof(decimal)
        || typeof(T) == typeof(double) || typeof(T) == typeof(float) || Nullable.GetUnderlyingType(typeof(T)) is not null
            ? Same(a, b)
            : EqualityComparer<T>.Default.Equals(a, b);

    /// <summary>
    /// Whether two values serialize alike, judged without serializing: the same object, or equal values of the simple
    /// kinds whose equality is exact (a <see cref="DateTimeOffset"/> equal in instant but not in offset is not the same).
    /// </summary>
    private static bool Same(object? a, object? b) => ReferenceEquals(a, b) || (a, b) switch
    {
        (null, _) or (_, null) => false,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (DateTimeOffset x, DateTimeOffset y) => x.EqualsExact(y),
        (DateTime x, DateTime y) => x == y && x.Kind == y.Kind,
        (decimal x, decimal y) => x == y && x.Scale == y.Scale,
        (double or float, _) => false,
        _ => a.GetType().IsValueType && a.GetType() == b.GetType() && a.Equals(b),
    };

    // A property with a converter of its own (JsonConverterAttribute on the property) serializes its value with it.
    private static JsonSerializerOptions OptionsFor(JsonPropertyInfo property, JsonSerializerOptions options)
    {
        if (property.CustomConverter is not { } converter)
        {
            return options;
        }

        return PropertyOptions.GetValue(property, _ =>
        {
            var own = new JsonSerializerOptions(options);
            own.Converters.Insert(0, converter);
            return own;
        });
    }

    private static void ApplyObject(JsonObject target, JsonObject change)
    {
        foreach (var (name, node) in change)
        {
            var operation = node as JsonArray ?? throw new JsonException($"The change of '{name}' is not an array.");
            switch (operation[0]?.GetValue<string>())
            {
                case "=":
                    target[name] = operation[1]?.DeepClone();
                    break;
                // A property the snapshot lacks (the state type gained it since) read as its type's default, which an
                // empty object or list reads as too: the changes apply to that.
                case "~":
                    var inner = target[name] as JsonObject ?? (target.ContainsKey(name) ? null : AddEmpty(target, name, new JsonObject()))
                        ?? throw new JsonException($"'{name}' changes inside, but the snapshot holds no object there.");
                    ApplyObject(inner, operation[1] as JsonObject ?? throw new JsonException($"The changes inside '{name}' are not an object."));
                    break;
                case "+":
                    var list = target[name] as JsonArray ?? (target.ContainsKey(name) ? null : AddEmpty(target, name, new JsonArray()))
                        ?? throw new JsonException($"'{name}' gains items, but the snapshot holds no array there.");
                    var dropped = operation[1]!.GetValue<int>();
                    if (dropped < 0 || dropped > list.Count)
                    {
                        throw new JsonException($"'{name}' drops {dropped} items of {list.Count}.");
                    }

                    for (var i = 0; i < dropped; i++)
                    {
                        list.RemoveAt(0);
                    }

                    foreach (var item in operation[2] as JsonArray ?? throw new JsonException($"The items '{name}' gains are not an array."))
                    {
                        list.Add(item?.DeepClone());
                    }

                    break;
                default:
                    throw new JsonException($"Unknown change of '{name}': {operation.ToJsonString()}.");
            }
        }
    }

    private static T AddEmpty<T>(JsonObject target, string name, T empty)
        where T : JsonNode
    {
        target[name] = empty;
        return empty;
    }

    private static string? FindMutable(Type type, JsonSerializerOptions options, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return null;
        }

        var info = options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return null;
        }

        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo member)
            {
                return $"{type.Name}.{property.Name} is not a property.";
            }

            if (member.SetMethod is { } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            {
                return $"{type.Name}.{member.Name} has a setter; make it init-only.";
            }

            var declared = member.PropertyType;
            if (declared.IsArray || (typeof(IEnumerable).IsAssignableFrom(declared) && declared != typeof(string) && !IsReadOnlyCollection(declared)))
            {
                return $"{type.Name}.{member.Name} is a {declared.Name}, whose items can change in place; declare it as IReadOnlyList<T>.";
            }

            var valueType = Nullable.GetUnderlyingType(declared) ?? declared;
            var inner = IsReadOnlyCollection(valueType) ? valueType.GetGenericArguments()[^1] : valueType;
            if (!inner.IsValueType && inner != typeof(string) && FindMutable(inner, options, seen) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool IsReadOnlyCollection(Type type) =>
        type.IsGenericType && type.IsInterface && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IReadOnlyDictionary<,>));
}
