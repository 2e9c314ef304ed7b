using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// Generates the fuzz cases of one endpoint from a valid request to it, deterministically (a seed per endpoint):
/// malformed and oversized bodies, an unknown field, control characters and a huge string in every string field,
/// boundary numbers in every number field, wrong types and duplicate keys for every field, and odd route values,
/// query values and Authorization headers.
/// </summary>
internal static class FuzzCases
{
    public const int MaxCasesPerEndpoint = 300;

    /// <summary>Above the frontend's 1 MiB request body limit.</summary>
    private const int OversizedBodyChars = 3 * 512 * 1024;

    private const int HugeStringChars = 100_000;

    // The placeholder name of a duplicated property, replaced by the property's own name in the JSON text.
    private const string DuplicateMarker = "zzfuzzduplicate9f1d2c";

    private static readonly string[] AlwaysControlCharacters = ["\0", "\u0001", "\u007F"];
    private static readonly string[] OtherControlCharacters = ["\u0008", "\u000B", "\u001B", "\u001F"];

    private static readonly Func<JsonNode>[] BoundaryNumbers =
        [() => JsonValue.Create(0L), () => JsonValue.Create(-1L), () => JsonValue.Create(long.MaxValue), () => JsonValue.Create(long.MinValue), () => JsonValue.Create(1e308)];

    private static readonly string[] BoundaryTexts =
        ["0", "-1", long.MaxValue.ToString(CultureInfo.InvariantCulture), long.MinValue.ToString(CultureInfo.InvariantCulture), "1e308"];

    /// <param name="build">The endpoint's valid request, with new idempotency keys, slugs and e-mails for each argument.</param>
    public static IReadOnlyList<FuzzCase> For(Func<string, ApiRequest> build)
    {
        // Each case starts from a request of its own, so that no case meets the key or slug of another.
        var built = 0;
        ApiRequest Fresh() => build((++built).ToString(CultureInfo.InvariantCulture));
        var valid = Fresh();
        var random = new Random(StableSeed(valid.Key));
        var cases = new List<FuzzCase>();
        cases.AddRange(Headers(valid));
        foreach (var name in valid.RouteValues.Keys.Order(StringComparer.Ordinal))
        {
            // Kestrel refuses a NUL in the request target itself, before any application code, with a bare 400.
            cases.AddRange(Texts(random, valid.RouteValues[name]).Where(t => !t.Value.Contains('\0', StringComparison.Ordinal))
                .Select(t => Case($"route {name}: {t.Name}", Fresh().WithRouteValue(name, t.Value), t.MayBeAccepted || valid.Method == "GET")));
        }

        foreach (var name in valid.Query.Keys.Order(StringComparer.Ordinal))
            cases.AddRange(Texts(random, valid.Query[name]).Select(t => Case($"query {name}: {t.Name}", Fresh().WithQueryValue(name, t.Value), t.MayBeAccepted || valid.Method == "GET")));
        if (valid.Body is not null)
            cases.AddRange(Bodies(random, valid, Fresh));
        return cases.Count <= MaxCasesPerEndpoint ? cases : [.. cases.OrderBy(_ => random.Next()).Take(MaxCasesPerEndpoint)];
    }

    private static IEnumerable<FuzzCase> Headers(ApiRequest valid)
    {
        if (valid.Token is null)
            yield break;
        yield return Case("Authorization: huge bearer token", valid with { RawAuthorization = "Bearer " + new string('A', 4096) }, false);
        yield return Case("Authorization: numeric bearer token", valid with { RawAuthorization = "Bearer " + long.MaxValue.ToString(CultureInfo.InvariantCulture) }, false);
        yield return Case("Authorization: Basic scheme", valid with { RawAuthorization = "Basic Zm9vOmJhcg==" }, false);
        yield return Case("Authorization: Bearer without token", valid with { RawAuthorization = "Bearer" }, false);
        yield return Case("Authorization: none", valid with { Token = null }, false);
    }

    private static IEnumerable<(string Name, string Value, bool MayBeAccepted)> Texts(Random random, string valid)
    {
        foreach (var c in ControlCharacters(random))
            yield return ($"U+{(int)c[0]:X4}", valid.Insert(random.Next(valid.Length + 1), c), false);
        yield return ("huge", new string('7', 3000), false);
        foreach (var number in BoundaryTexts)
            yield return (number, number, true);
    }

    private static IEnumerable<FuzzCase> Bodies(Random random, ApiRequest valid, Func<ApiRequest> fresh)
    {
        var text = valid.Body!.ToJsonString();
        foreach (var malformed in new[] { "{", "[]", "\"text\"", "123", "not json", "{\"a\":}", text + "}", text[..^1] + ",}" })
            yield return Case($"malformed body {malformed[..Math.Min(malformed.Length, 20)]}", valid with { RawBody = malformed }, false);
        for (var i = 0; i < 2 && text.Length > 1; i++)
            yield return Case("truncated body", valid with { RawBody = text[..random.Next(1, text.Length)] }, false);
        yield return Case("oversized body", valid with { RawBody = $"{{\"pad\":\"{new string('x', OversizedBodyChars)}\"}}" }, false);
        var unknown = valid.Body.DeepClone();
        unknown.AsObject()["fuzzUnknownField"] = "x";
        yield return Case("unknown field", valid with { Body = unknown }, false);

        var count = Nodes(valid.Body).Count();
        for (var index = 0; index < count; index++)
        {
            var node = Nodes(valid.Body).ElementAt(index);
            var path = node.GetPath();
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                var original = JsonSerializer.Deserialize<string>(value.ToJsonString())!;
                foreach (var c in ControlCharacters(random))
                    yield return Case($"{path} with U+{(int)c[0]:X4}", Replace(fresh(), index, JsonValue.Create(original.Insert(random.Next(original.Length + 1), c))), false);
                yield return Case($"{path} huge", Replace(fresh(), index, JsonValue.Create(new string('x', HugeStringChars))), false);
            }
            else if (node is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
            {
                foreach (var boundary in BoundaryNumbers)
                {
                    var replacement = boundary();
                    yield return Case($"{path} = {replacement.ToJsonString()}", Replace(fresh(), index, replacement), true);
                }
            }

            foreach (var wrong in WrongTypes(node))
                yield return Case($"{path} as {wrong.GetValueKind()}", Replace(fresh(), index, wrong), false);
            if (node.Parent is JsonObject)
            {
                var request = fresh();
                yield return Case($"{path} duplicated", request with { RawBody = Duplicated(request.Body!, index) }, false);
            }
        }
    }

    private static IEnumerable<string> ControlCharacters(Random random) =>
        [.. AlwaysControlCharacters, OtherControlCharacters[random.Next(OtherControlCharacters.Length)]];

    private static IEnumerable<JsonNode> WrongTypes(JsonNode node) => node switch
    {
        JsonObject => [JsonValue.Create("text"), new JsonArray()],
        JsonArray => [new JsonObject(), JsonValue.Create("text")],
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => [JsonValue.Create("12"), JsonValue.Create(true)],
        _ => [JsonValue.Create(123), new JsonObject()],
    };

    // Every node below the root, depth first: the same order on a clone, so an index finds the same node there.
    private static IEnumerable<JsonNode> Nodes(JsonNode root)
    {
        IEnumerable<JsonNode?> children = root switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var descendant in Nodes(child))
                yield return descendant;
        }
    }

    private static ApiRequest Replace(ApiRequest valid, int index, JsonNode replacement)
    {
        var body = valid.Body!.DeepClone();
        Nodes(body).ElementAt(index).ReplaceWith(replacement);
        return valid with { Body = body };
    }

    private static string Duplicated(JsonNode validBody, int index)
    {
        var body = validBody.DeepClone();
        var node = Nodes(body).ElementAt(index);
        var parent = node.Parent!.AsObject();
        var name = node.GetPropertyName();
        parent.Insert(parent.IndexOf(name) + 1, DuplicateMarker, node.DeepClone());
        return body.ToJsonString().Replace($"\"{DuplicateMarker}\"", JsonSerializer.Serialize(name), StringComparison.Ordinal);
    }

    private static FuzzCase Case(string name, ApiRequest request, bool mayBeAccepted) => new(name, request, mayBeAccepted);

    // FNV-1a: string.GetHashCode differs from one process to the next.
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }
}
