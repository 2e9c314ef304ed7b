using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.Transport;

/// <summary>Carries grain calls to other silos (silo to silo, and client to silo).</summary>
internal interface IClusterTransport
{
    /// <summary>
    /// Sends one call to the silo listening at <paramref name="address"/> (<c>host:port</c>) and completes with its
    /// result, or with the exception the remote call failed with. A silo that cannot be reached fails the call with
    /// <see cref="SiloUnavailableException"/>; a call past its deadline with <see cref="GrainCallTimeoutException"/>.
    /// </summary>
    Task<TResult> SendAsync<TResult>(string address, OutboundCall call, GrainRequest<TResult> request, CancellationToken cancellationToken);
}

/// <summary>What travels with a call besides its request.</summary>
/// <param name="Target">The grain called.</param>
/// <param name="Chain">The calls it was made from, for cycle detection; null for a call from outside any grain.</param>
/// <param name="Deadline">When the caller stops waiting.</param>
/// <param name="Hops">How many silos already passed the call on (a non-owner forwards at most once).</param>
internal readonly record struct OutboundCall(GrainId Target, CallChain? Chain, DateTimeOffset Deadline, int Hops);
