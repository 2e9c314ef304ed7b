using System.Text.Json.Nodes;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>What an endpoint's request refers to, so the tenant matrix knows which ownership it can cross.</summary>
[Flags]
internal enum Uses
{
    None = 0,

    /// <summary>Platform admins only (no merchant owner reaches it).</summary>
    Platform = 1,

    /// <summary>A merchant, store, program or card through the admin API.</summary>
    MerchantResource = 2,
    Card = 4,
    Program = 8,
    Pin = 16,

    /// <summary>An Apple Wallet pass (the card's), named by its serial number and opened by its token.</summary>
    Pass = 32,
}

/// <summary>A valid request to one endpoint, built for a scope; <c>unique</c> makes slugs, e-mails and keys new.</summary>
internal sealed record EndpointTemplate(Uses Uses, Func<TenantScope, string, string, ApiRequest> Build);

/// <summary>
/// A valid request for every endpoint of both APIs and the Apple Wallet web service: the fuzz cases are mutations of it, and the tenant matrix sends it
/// for one tenant's resources with another tenant's credentials. An endpoint missing here fails both hardening tests.
/// </summary>
internal static class ValidRequests
{
    private const string Terminal = "/api/terminal/v1";
    private const string Admin = "/api/admin/v1";
    private const string Wallet = "/api/wallet/apple/v1";
    private const string PassType = "pass.lu.loyalty.test";
    private const string OccurredAt = "2026-03-02T09:59:00+00:00";

    public static IReadOnlyDictionary<string, EndpointTemplate> All { get; } = new Dictionary<string, EndpointTemplate>(StringComparer.Ordinal)
    {
        [$"POST {Terminal}/pair"] = new(Uses.None, (s, _, _) => new("POST", $"{Terminal}/pair", Values(), new JsonObject { ["code"] = s.PairingCode, ["deviceName"] = "Fuzz till" }, null)),
        [$"GET {Terminal}/staff"] = new(Uses.None, (s, _, _) => Device(s, "GET", "/staff", Values(), null)),
        [$"POST {Terminal}/staff/{{pinId}}/verify"] = new(Uses.Pin, (s, _, _) =>
            Device(s, "POST", "/staff/{pinId}/verify", Values(("pinId", s.PinId)), new JsonObject { ["pin"] = s.Pin })),
        [$"POST {Terminal}/staff/{{pinId}}/failed-attempts"] = new(Uses.Pin, (s, _, _) =>
            Device(s, "POST", "/staff/{pinId}/failed-attempts", Values(("pinId", s.PinId)), new JsonObject { ["count"] = 1, ["lastAttemptAt"] = OccurredAt })),
        [$"POST {Terminal}/enrollments"] = new(Uses.Program | Uses.Pin, (s, _, u) => Device(s, "POST", "/enrollments", Values(), new JsonObject
        {
            ["programId"] = s.ProgramId, ["email"] = $"fuzz-{u}@example.com", ["name"] = "Fuzz Customer", ["phone"] = "+352 621 000 000",
            ["birthday"] = "1990-05-01", ["locale"] = "fr", ["pinId"] = s.PinId, ["idempotencyKey"] = $"enrol-{u}", ["occurredAt"] = OccurredAt,
        })),
        [$"GET {Terminal}/cards/{{cardNumber}}"] = new(Uses.Card, (s, _, _) => Device(s, "GET", "/cards/{cardNumber}", Card(s), null)),
        [$"POST {Terminal}/cards/{{cardNumber}}/stamps"] = new(Uses.Card | Uses.Pin, (s, _, u) =>
            Device(s, "POST", "/cards/{cardNumber}/stamps", Card(s), Operation(s, u, ("count", 1)))),
        [$"POST {Terminal}/cards/{{cardNumber}}/stamp-redemptions"] = new(Uses.Card | Uses.Pin, (s, _, u) =>
            Device(s, "POST", "/cards/{cardNumber}/stamp-redemptions", Card(s), Operation(s, u))),
        [$"POST {Terminal}/cards/{{cardNumber}}/points"] = new(Uses.Card | Uses.Pin, (s, _, u) =>
            Device(s, "POST", "/cards/{cardNumber}/points", Card(s), Operation(s, u, ("purchaseAmountMinor", 1000), ("currency", "EUR")))),
        [$"POST {Terminal}/cards/{{cardNumber}}/point-redemptions"] = new(Uses.Card | Uses.Pin, (s, _, u) =>
            Device(s, "POST", "/cards/{cardNumber}/point-redemptions", Card(s), Operation(s, u, ("rewardId", s.RewardId)))),
        [$"POST {Terminal}/sync"] = new(Uses.Card | Uses.Pin, (s, _, u) => Device(s, "POST", "/sync", Values(), new JsonObject
        {
            ["operations"] = new JsonArray(Operation(s, u, ("kind", "stamp"), ("deviceSeq", 1), ("cardNumber", s.CardNumber), ("count", 1))),
        })),

        [$"GET {Admin}/cluster"] = new(Uses.Platform, (_, t, _) => new("GET", $"{Admin}/cluster", Values(), null, t)),
        [$"POST {Admin}/merchants"] = new(Uses.Platform, (_, t, u) =>
            new("POST", $"{Admin}/merchants", Values(), new JsonObject { ["name"] = "Fuzz merchant", ["slug"] = $"fuzz-{u}", ["defaultLocale"] = "fr" }, t)),
        [$"GET {Admin}/merchants"] = new(Uses.None, (_, t, _) => new ApiRequest("GET", $"{Admin}/merchants", Values(), null, t) { Query = Values(("page", "1"), ("pageSize", "20")) }),
        [$"GET {Admin}/merchants/{{merchantId}}"] = Merchant("GET", "", null),
        [$"POST {Admin}/merchants/{{merchantId}}/owner-tokens"] = new(Uses.Platform, (s, t, _) =>
            Merchant(s, t, "POST", "/owner-tokens", new JsonObject { ["name"] = "Fuzz integration" })),
        [$"GET {Admin}/merchants/{{merchantId}}/owner-tokens"] = new(Uses.Platform, (s, t, _) => Merchant(s, t, "GET", "/owner-tokens", null)),
        [$"POST {Admin}/merchants/{{merchantId}}/owner-tokens/{{tokenId}}/revoke"] = new(Uses.Platform, (s, t, _) =>
            Merchant(s, t, "POST", "/owner-tokens/{tokenId}/revoke", null, ("tokenId", s.SpareOwnerTokenId))),
        [$"POST {Admin}/merchants/{{merchantId}}/stores"] = new(Uses.MerchantResource, (s, t, u) => Merchant(s, t, "POST", "/stores", new JsonObject
        {
            ["name"] = "Fuzz store", ["slug"] = $"fuzz-{u}", ["timeZone"] = "Europe/Luxembourg",
            ["descriptions"] = new JsonObject { ["en"] = "Corner shop", ["fr"] = "Épicerie du coin" },
        })),
        [$"PUT {Admin}/merchants/{{merchantId}}/stores/{{storeId}}"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "PUT", "/stores/{storeId}", new JsonObject
            {
                ["name"] = "Fuzz store", ["timeZone"] = "Europe/Paris",
                ["descriptions"] = new JsonObject { ["en"] = "Corner shop", ["fr"] = "Épicerie du coin", ["de"] = "Laden", ["lb"] = "Buttek" },
            }, ("storeId", s.SpareStoreId))),
        [$"GET {Admin}/merchants/{{merchantId}}/stores"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "GET", "/stores", null) with { Query = Values(("locale", "fr")) }),
        [$"GET {Admin}/merchants/{{merchantId}}/stores/{{storeId}}"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "GET", "/stores/{storeId}", null, ("storeId", s.StoreId)) with { Query = Values(("locale", "fr")) }),
        [$"POST {Admin}/merchants/{{merchantId}}/programs"] = new(Uses.MerchantResource, (s, t, _) => Merchant(s, t, "POST", "/programs", new JsonObject
        {
            ["name"] = "Fuzz program", ["kind"] = "hybrid", ["stampsRequired"] = 8, ["stampRewardName"] = "Tea", ["pointsPerCurrencyUnit"] = 5,
            ["currency"] = "EUR", ["rewards"] = new JsonArray(new JsonObject { ["name"] = "Bag", ["pointsCost"] = 300 }), ["welcomeBonusPoints"] = 20,
            ["stampCooldownSeconds"] = 60, ["maxStampsPerCardPerDay"] = 5, ["maxStampsPerDevicePerDay"] = 100,
            ["pointExpiry"] = new JsonObject { ["mode"] = "afterEarning", ["days"] = 365 },
            ["terms"] = new JsonObject { ["en"] = "Terms apply.", ["fr"] = "Conditions applicables." },
        })),
        [$"PUT {Admin}/merchants/{{merchantId}}/programs/{{programId}}"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "PUT", "/programs/{programId}", new JsonObject
            {
                ["name"] = "Spare hybrid", ["kind"] = "hybrid", ["stampsRequired"] = 8, ["stampRewardName"] = "Tea", ["pointsPerCurrencyUnit"] = 5,
                ["currency"] = "EUR", ["rewards"] = new JsonArray(new JsonObject { ["id"] = s.SpareRewardId, ["name"] = "Bag", ["pointsCost"] = 300 }),
                ["welcomeBonusPoints"] = 0, ["stampCooldownSeconds"] = 0, ["maxStampsPerCardPerDay"] = null, ["maxStampsPerDevicePerDay"] = null,
                ["pointExpiry"] = new JsonObject { ["mode"] = "none", ["days"] = null },
                ["terms"] = new JsonObject { ["en"] = "Terms apply." },
            }, ("programId", s.SpareProgramId))),
        [$"GET {Admin}/merchants/{{merchantId}}/programs"] = Merchant("GET", "/programs", null),
        [$"GET {Admin}/merchants/{{merchantId}}/programs/{{programId}}"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "GET", "/programs/{programId}", null, ("programId", s.ProgramId))),
        [$"GET {Admin}/merchants/{{merchantId}}/audit-log"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "GET", "/audit-log", null) with { Query = Values(("page", "1"), ("pageSize", "20")) }),
        [$"GET {Admin}/merchants/{{merchantId}}/pin-lockout"] = Merchant("GET", "/pin-lockout", null),
        [$"PUT {Admin}/merchants/{{merchantId}}/pin-lockout"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "PUT", "/pin-lockout", new JsonObject { ["maxConsecutiveFailures"] = 5, ["lockMinutes"] = 15 })),
        [$"POST {Admin}/stores/{{storeId}}/staff"] = Store("POST", "/staff", () => new JsonObject { ["name"] = "Sam", ["pin"] = "1357" }),
        [$"POST {Admin}/stores/{{storeId}}/staff/{{pinId}}/pin"] = new(Uses.MerchantResource, (s, t, _) =>
            new("POST", $"{Admin}/stores/{{storeId}}/staff/{{pinId}}/pin", Values(("storeId", s.StoreId), ("pinId", s.PinId)), new JsonObject { ["pin"] = s.Pin }, t)),
        [$"POST {Admin}/stores/{{storeId}}/staff/{{pinId}}/unlock"] = new(Uses.MerchantResource, (s, t, _) =>
            new("POST", $"{Admin}/stores/{{storeId}}/staff/{{pinId}}/unlock", Values(("storeId", s.StoreId), ("pinId", s.PinId)), null, t)),
        [$"POST {Admin}/stores/{{storeId}}/pairing-codes"] = Store("POST", "/pairing-codes", () => new JsonObject()),
        [$"GET {Admin}/stores/{{storeId}}/devices"] = Store("GET", "/devices", () => null),
        [$"POST {Admin}/devices/{{deviceId}}/revoke"] = new(Uses.MerchantResource, (s, t, _) =>
            new("POST", $"{Admin}/devices/{{deviceId}}/revoke", Values(("deviceId", s.SpareDeviceId)), null, t)),
        [$"GET {Admin}/merchants/{{merchantId}}/email/log"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "GET", "/email/log", null) with { Query = Values(("template", "enrollment"), ("page", "1"), ("pageSize", "20")) }),
        [$"POST {Admin}/merchants/{{merchantId}}/email/messages/{{messageId}}/resend"] = new(Uses.MerchantResource, (s, t, _) =>
            Merchant(s, t, "POST", "/email/messages/{messageId}/resend", null, ("messageId", s.MessageId))),
        [$"GET {Admin}/email/log"] = new(Uses.Platform, (_, t, _) =>
            new("GET", $"{Admin}/email/log", Values(), null, t) { Query = Values(("status", "sent"), ("page", "1"), ("pageSize", "20")) }),
        [$"GET {Admin}/email/settings"] = Platform("GET", "/email/settings", () => null),
        [$"PUT {Admin}/email/settings"] = Platform("PUT", "/email/settings", () => new JsonObject
        {
            ["host"] = "127.0.0.1", ["port"] = 2525, ["security"] = "None", ["username"] = "loyalty", ["password"] = "fuzz-secret",
            ["from"] = "Loyalty <noreply@example.com>",
        }),
        [$"DELETE {Admin}/email/settings"] = Platform("DELETE", "/email/settings", () => null),
        [$"POST {Admin}/email/settings/test"] = Platform("POST", "/email/settings/test", () => new JsonObject { ["to"] = "ops@example.com" }),
        [$"GET {Admin}/email/templates"] = Platform("GET", "/email/templates", () => null),
        [$"GET {Admin}/email/templates/{{template}}/{{locale}}"] = Template("GET", "", () => null),
        [$"PUT {Admin}/email/templates/{{template}}/{{locale}}"] = Template("PUT", "", Draft),
        [$"DELETE {Admin}/email/templates/{{template}}/{{locale}}"] = Template("DELETE", "", () => null),
        [$"POST {Admin}/email/templates/{{template}}/{{locale}}/preview"] = Template("POST", "/preview", Draft),
        [$"GET {Admin}/cards/{{cardNumber}}"] = AdminCard("GET", "", (_, _) => null),
        [$"GET {Admin}/cards/{{cardNumber}}/transactions"] = new(Uses.MerchantResource, (s, t, _) =>
            new ApiRequest("GET", $"{Admin}/cards/{{cardNumber}}/transactions", Card(s), null, t) { Query = Values(("page", "1"), ("pageSize", "10")) }),
        [$"GET {Admin}/cards/{{cardNumber}}/ledger-verification"] = AdminCard("GET", "/ledger-verification", (_, _) => null),
        [$"POST {Admin}/cards/{{cardNumber}}/adjustments"] = AdminCard("POST", "/adjustments", (_, u) =>
            new JsonObject { ["stampsDelta"] = 1, ["pointsDelta"] = 5, ["reason"] = "Goodwill", ["idempotencyKey"] = $"adjust-{u}" }),
        [$"POST {Admin}/cards/{{cardNumber}}/voids"] = AdminCard("POST", "/voids", (s, u) =>
            new JsonObject { ["transactionId"] = s.TransactionId, ["reason"] = "Entered by mistake", ["idempotencyKey"] = $"void-{u}" }),

        [$"POST {Wallet}/devices/{{deviceLibraryIdentifier}}/registrations/{{passTypeIdentifier}}/{{serialNumber}}"] = new(Uses.Pass, (s, _, u) =>
            ApplePass(s, "POST", "/devices/{deviceLibraryIdentifier}/registrations/{passTypeIdentifier}/{serialNumber}", Registration(s, u), new JsonObject { ["pushToken"] = "a1b2c3d4e5f6" })),
        [$"DELETE {Wallet}/devices/{{deviceLibraryIdentifier}}/registrations/{{passTypeIdentifier}}/{{serialNumber}}"] = new(Uses.Pass, (s, _, u) =>
            ApplePass(s, "DELETE", "/devices/{deviceLibraryIdentifier}/registrations/{passTypeIdentifier}/{serialNumber}", Registration(s, u), null)),
        [$"GET {Wallet}/devices/{{deviceLibraryIdentifier}}/registrations/{{passTypeIdentifier}}"] = new(Uses.None, (_, _, _) =>
            new ApiRequest("GET", $"{Wallet}/devices/{{deviceLibraryIdentifier}}/registrations/{{passTypeIdentifier}}", Values(("deviceLibraryIdentifier", "fuzzdevice"), ("passTypeIdentifier", PassType)), null, null)
            {
                Query = Values(("passesUpdatedSince", "1772445600000000")),
            }),
        [$"GET {Wallet}/passes/{{passTypeIdentifier}}/{{serialNumber}}"] = new(Uses.Pass, (s, _, _) =>
            ApplePass(s, "GET", "/passes/{passTypeIdentifier}/{serialNumber}", Values(("passTypeIdentifier", PassType), ("serialNumber", s.CardNumber)), null)),
        [$"POST {Wallet}/log"] = new(Uses.None, (_, _, _) =>
            new("POST", $"{Wallet}/log", Values(), new JsonObject { ["logs"] = new JsonArray("Web service error: fuzz") }, null)),

        // Block and unblock are mapped one after the other: both tests send each valid request once, in that order, so
        // the card is blocked only until the next request unblocks it.
        [$"POST {Admin}/cards/{{cardNumber}}/block"] = AdminCard("POST", "/block", (_, u) =>
            new JsonObject { ["reason"] = "Reported lost", ["idempotencyKey"] = $"block-{u}" }),
        [$"POST {Admin}/cards/{{cardNumber}}/unblock"] = AdminCard("POST", "/unblock", (_, u) =>
            new JsonObject { ["reason"] = "Found again", ["idempotencyKey"] = $"unblock-{u}" }),
    };

    private static ApiRequest ApplePass(TenantScope s, string method, string route, IReadOnlyDictionary<string, string> values, JsonNode? body) =>
        new(method, Wallet + route, values, body, s.ApplePassToken) { Scheme = "ApplePass" };

    private static Dictionary<string, string> Registration(TenantScope s, string unique) =>
        Values(("deviceLibraryIdentifier", $"fuzz{unique.Replace("-", "", StringComparison.Ordinal)}"), ("passTypeIdentifier", PassType), ("serialNumber", s.CardNumber));

    private static ApiRequest Device(TenantScope s, string method, string route, IReadOnlyDictionary<string, string> values, JsonNode? body) =>
        new(method, Terminal + route, values, body, s.Device.Token);

    private static JsonObject Operation(TenantScope s, string unique, params (string Name, JsonNode Value)[] fields)
    {
        var operation = new JsonObject();
        foreach (var (name, value) in fields)
            operation[name] = value;
        operation["pinId"] = s.PinId;
        operation["idempotencyKey"] = $"op-{unique}";
        operation["occurredAt"] = OccurredAt;
        return operation;
    }

    private static ApiRequest Merchant(TenantScope s, string token, string method, string route, JsonNode? body, params (string, object)[] more) =>
        new(method, $"{Admin}/merchants/{{merchantId}}{route}", Values([("merchantId", s.MerchantId), .. more]), body, token);

    private static EndpointTemplate Merchant(string method, string route, JsonNode? body) =>
        new(Uses.MerchantResource, (s, t, _) => Merchant(s, t, method, route, body?.DeepClone()));

    private static EndpointTemplate Platform(string method, string route, Func<JsonNode?> body) =>
        new(Uses.Platform, (_, t, _) => new(method, Admin + route, Values(), body(), t));

    private static EndpointTemplate Template(string method, string route, Func<JsonNode?> body) =>
        new(Uses.Platform, (_, t, _) => new(method, $"{Admin}/email/templates/{{template}}/{{locale}}{route}", Values(("template", "enrollment"), ("locale", "fr")), body(), t));

    private static JsonObject Draft() => new() { ["subject"] = "Bienvenue", ["html"] = "<p>Bienvenue {{customerName}}</p>", ["text"] = "Bienvenue" };

    private static EndpointTemplate Store(string method, string route, Func<JsonNode?> body) =>
        new(Uses.MerchantResource, (s, t, _) => new(method, $"{Admin}/stores/{{storeId}}{route}", Values(("storeId", s.StoreId)), body(), t));

    private static EndpointTemplate AdminCard(string method, string route, Func<TenantScope, string, JsonNode?> body) =>
        new(Uses.MerchantResource, (s, t, u) => new(method, $"{Admin}/cards/{{cardNumber}}{route}", Card(s), body(s, u), t));

    private static Dictionary<string, string> Card(TenantScope s) => Values(("cardNumber", s.CardNumber));

    private static Dictionary<string, string> Values(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!, StringComparer.Ordinal);
}
