using Loyalty.GrainInterfaces.Devices;
using Orleans;
using Loyalty.Web.Devices;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Terminal;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;deviceToken&gt;</c>. The token's SHA-256 finds the device id in the
/// <c>devices</c> read model; the device grain then decides (constant-time hash comparison, revocation), on every
/// request and without a cache, so a revoke is in force from the next request on. Tokens are never logged.
/// </summary>
internal sealed partial class DeviceAuthenticationFilter(DeviceDirectory devices, IGrainFactory grains, ILogger<DeviceAuthenticationFilter> logger)
    : IEndpointFilter
{
    // Real tokens are 43 characters; anything far longer is not worth hashing.
    private const int MaxTokenLength = 256;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (TerminalTokens.FromHeader(http.Request) is not { Length: <= MaxTokenLength } token)
            return Unauthorized("Send Authorization: Bearer <device token>.");

        var hash = DeviceTokens.Hash(token);
        var deviceId = await devices.FindIdByTokenHashAsync(hash, http.RequestAborted);
        var authentication = deviceId is { } id
            ? await grains.GetGrain<IDeviceGrain>(id).AuthenticateAsync(hash)
            : DeviceAuthentication.Unknown;
        switch (authentication)
        {
            case { Outcome: DeviceAuthenticationOutcome.Active, Device: { } device }:
                http.Items[TerminalHttpContextExtensions.ItemKey] = new TerminalDevice(device.DeviceId, device.StoreId, device.MerchantId, device.PairedAt);
                return await next(context);
            case { Outcome: DeviceAuthenticationOutcome.Revoked }:
                LogRevoked(logger, deviceId!.Value, http.Request.Path);
                return Problem.Create(
                    StatusCodes.Status401Unauthorized, ProblemCodes.DeviceRevoked, "Device revoked", "This device was revoked. Pair it again with a new code.");
            default:
                LogUnknown(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", http.Request.Path);
                return Unauthorized("The device token is unknown.");
        }
    }

    private static IResult Unauthorized(string detail) =>
        Problem.Create(StatusCodes.Status401Unauthorized, ProblemCodes.DeviceUnauthorized, "Device not authorized", detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an unknown device token from {RemoteAddress} on {Path}")]
    private static partial void LogUnknown(ILogger logger, string remoteAddress, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected revoked device {DeviceId} on {Path}")]
    private static partial void LogRevoked(ILogger logger, Guid deviceId, string path);
}
