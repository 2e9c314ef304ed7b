using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// The tenant matrix: each admin endpoint with merchant B's owner token on merchant A's resources (platform-only
/// endpoints with any owner token), each terminal endpoint from a device of another merchant or store.
/// </summary>
internal static class TenantCases
{
    public static IReadOnlyList<TenantCase> For(ApiEndpoint endpoint, EndpointTemplate template, HardeningApp world)
    {
        var (a1, a2, b) = (world.A1, world.A2, world.B);
        ApiRequest Build(TenantScope scope, string adminToken) => template.Build(scope, adminToken, $"tenant-{Guid.NewGuid():N}");
        if (template.Uses == Uses.None)
            return []; // names no resource (lists, pairing): TenantMatrixTests checks what it hands out
        if (endpoint.IsAppleWallet)
            return [new("pass of merchant A with the token of merchant B's pass", Build(a1 with { ApplePassToken = b.ApplePassToken }, ""), Build(a1, ""))];
        if (endpoint.IsAdmin)
        {
            var control = template.Uses.HasFlag(Uses.Platform) ? WebApp.BootstrapToken : a1.OwnerToken;
            return [new("owner of merchant B on merchant A", Build(a1, b.OwnerToken), Build(a1, control))];
        }

        var cases = new List<TenantCase>();
        if ((template.Uses & (Uses.Card | Uses.Program)) != 0)
            cases.Add(new("card or program of merchant A from merchant B's device and PIN", Build(a1 with { Device = b.Device, PinId = b.PinId }, ""), Build(a1, "")));
        if (template.Uses.HasFlag(Uses.Pin))
        {
            cases.Add(new("PIN of store A1 from a device of store A2", Build(a1 with { Device = a2.Device }, ""), Build(a1, "")));
            cases.Add(new("PIN of merchant A from merchant B's device, on merchant B's card", Build(b with { PinId = a1.PinId }, ""), Build(b, "")));
        }

        return cases;
    }
}
