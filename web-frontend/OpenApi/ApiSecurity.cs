namespace Loyalty.Web.OpenApi;

/// <summary>
/// Endpoint metadata naming the bearer token an endpoint needs, so the OpenAPI document states it per operation. It
/// sits on the same route groups as the authentication filters, which keeps the two from drifting apart.
/// </summary>
public sealed record ApiSecurity(string SchemeId, string Description, string HttpScheme = "bearer")
{
    public static ApiSecurity AdminToken { get; } = new(
        "adminToken", "An admin API token: platform admin (every merchant) or merchant owner (one merchant).");

    public static ApiSecurity DeviceToken { get; } = new(
        "deviceToken", "The device token that POST /api/terminal/v1/pair returned to the terminal.");

    public static ApiSecurity ApplePass { get; } = new(
        "applePass", "The pass's authenticationToken, sent by Apple Wallet as Authorization: ApplePass <token>.", "ApplePass");

    public static IReadOnlyList<ApiSecurity> All { get; } = [AdminToken, DeviceToken, ApplePass];
}
