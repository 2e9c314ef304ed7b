namespace Loyalty.Runtime.Transport;

/// <summary>Where other silos and clients reach this silo's cluster listener.</summary>
public interface IClusterEndpoint
{
    /// <summary>
    /// <c>host:port</c>: the advertised host (<c>Loyalty:Silo:AdvertisedHost</c>) and the port the cluster listener
    /// bound. Known once the server has started; reading it earlier throws <see cref="InvalidOperationException"/>.
    /// </summary>
    string Address { get; }
}
