using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// Puts cluster handling in front of the application's pipeline: requests that arrived on the cluster port go to
/// <see cref="ClusterCallHandler"/> (and nowhere else); requests on the public addresses pass by untouched.
/// </summary>
internal sealed class ClusterStartupFilter(ClusterEndpoint endpoint, ClusterCallHandler handler) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // The transport listens on the urls itself (see ClusterKestrelSetup); left here, Kestrel would warn that
        // it overrides them with its listen options.
        app.ServerFeatures.Get<IServerAddressesFeature>()?.Addresses.Clear();
        app.Use((context, nextMiddleware) => endpoint.IsClusterPort(context.Connection.LocalPort)
            ? handler.HandleAsync(context)
            : nextMiddleware(context));
        next(app);
    };
}
