using Loyalty.Runtime.Core;
using Loyalty.Runtime.Hosting;
using Loyalty.Runtime.Invocation;
using Loyalty.Runtime.Membership;
using Loyalty.Runtime.Placement;
using Loyalty.Runtime.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Client;

/// <summary>
/// A process that hosts no grains (the web frontend with <c>Loyalty:Silo:Enabled=false</c>): it reads membership
/// from the database and sends each call straight to the silo that serves the grain. A call that cannot reach its
/// silo waits for membership to move the grain elsewhere and goes again, until its deadline.
/// </summary>
internal sealed partial class ClusterClient(
    GrainPlacement placement,
    IClusterTransport transport,
    IOptions<RuntimeOptions> options,
    TimeProvider time,
    ILogger<ClusterClient> logger) : GrainReferenceFactory
{
    private readonly TimeSpan _callTimeout = options.Value.CallTimeout;

    public override async Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deadline = time.GetUtcNow() + _callTimeout;
        using var timeout = new CancellationTokenSource(_callTimeout, time);
        while (true)
        {
            var ring = placement.Current;
            if (ring.RouteOf(target) is not { } silo)
            {
                await WaitForChangeAsync(ring.Version, target, request, "no silo is active", timeout.Token);
                continue;
            }

            try
            {
                return await transport.SendAsync(silo.Address, new OutboundCall(target, Chain: null, deadline, Hops: 0), request, timeout.Token);
            }
            catch (Exception exception) when (TransportFailures.IsNotDelivered(exception) && !timeout.IsCancellationRequested)
            {
                LogUnreachable(logger, exception, silo.Name, silo.Address, target, request.MethodName);
                await WaitForChangeAsync(ring.Version, target, request, $"silo {silo.Name} at {silo.Address} cannot be reached", timeout.Token);
            }
        }
    }

    private async Task WaitForChangeAsync(long knownVersion, GrainId target, GrainRequest request, string why, CancellationToken timeout)
    {
        try
        {
            await placement.Membership.WaitForChangeAsync(knownVersion, timeout);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new SiloUnavailableException($"Call {target}.{request.MethodName} failed: {why}, and membership did not change within the call timeout {_callTimeout}; retry later.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} at {Address} unreachable for {GrainId}.{Method}; the call waits for membership to route it again")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string silo, string address, GrainId grainId, string method);
}
