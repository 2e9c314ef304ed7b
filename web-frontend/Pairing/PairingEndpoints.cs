using Loyalty.GrainInterfaces.Devices;
using Loyalty.GrainInterfaces.Pairing;
using Orleans;
using Loyalty.Web.Problems;
using Loyalty.Web.Stores;
using Loyalty.Web.Terminal;

namespace Loyalty.Web.Pairing;

/// <summary>Terminal <c>POST /pair</c>: a pairing code becomes a device and its token. The one terminal endpoint without a device token.</summary>
public static partial class PairingEndpoints
{
    public static RouteGroupBuilder MapPairingEndpoints(this RouteGroupBuilder terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        terminal.MapPost("/pair", PairAsync)
            .WithName("PairDevice")
            .RateLimitedBy(TerminalRateLimits.Pairing)
            .Produces<PairResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status410Gone);
        return terminal;
    }

    private static async Task<IResult> PairAsync(
        PairRequest request, IGrainFactory grains, IStoreDirectory stores, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var code = PairingCodes.Normalize(request.Code);
        var deviceName = request.DeviceName?.Trim();
        var validation = new ValidationProblem()
            .When(code is null, "code", $"A pairing code has {PairingCodes.Length} letters and digits.")
            .When(string.IsNullOrEmpty(deviceName), "deviceName", "A device name is required.")
            .When(deviceName?.Length > PairRequest.MaxDeviceNameLength, "deviceName", $"At most {PairRequest.MaxDeviceNameLength} characters.")
            .Text("deviceName", deviceName);
        if (validation.HasErrors)
            return validation.ToResult();

        // The code is spent before the device exists: should pairing fail after this, an admin issues a new code.
        var redemption = await grains.GetGrain<IPairingCodeGrain>(code!).RedeemAsync();
        var store = redemption.Outcome == PairingCodeOutcome.Redeemed ? await stores.FindAsync(redemption.StoreId, cancellationToken) : null;
        if (store is null)
        {
            return Problem.Create(
                StatusCodes.Status410Gone, ProblemCodes.PairingCodeExpired, "Pairing code expired", "The code expired or was already used. Ask for a new one.");
        }

        var deviceId = Guid.CreateVersion7(time.GetUtcNow());
        var pairing = await grains.GetGrain<IDeviceGrain>(deviceId).PairAsync(new PairDeviceCommand(store.StoreId, store.MerchantId, deviceName!))
            ?? throw new InvalidOperationException($"Device id {deviceId} is already paired.");
        var programs = await stores.ListProgramsAsync(store.MerchantId, cancellationToken);
        LogPaired(loggers.CreateLogger(typeof(PairingEndpoints).FullName!), deviceId, store.StoreId);
        return TypedResults.Created(
            (string?)null,
            new PairResponse(
                deviceId,
                pairing.Token,
                new NamedReference(store.StoreId, store.StoreName),
                new NamedReference(store.MerchantId, store.MerchantName),
                [.. programs.Select(p => new PairedProgramResponse(p.ProgramId, p.Name, p.Kind))]));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Paired device {DeviceId} with store {StoreId}")]
    private static partial void LogPaired(ILogger logger, Guid deviceId, Guid storeId);
}
