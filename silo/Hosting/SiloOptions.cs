namespace Loyalty.Silo.Hosting;

/// <summary>Where this silo listens and how others reach it (<c>Loyalty:Silo</c>).</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Loyalty:Silo";

    /// <summary>Web frontend only: co-host a silo (true) or be a pure client of the silos in the database (false).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Silo-to-silo port; 0 takes a free one, recorded in the membership table.</summary>
    public int SiloPort { get; set; }

    /// <summary>Client gateway port; 0 takes a free one, recorded in the membership table.</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The address other silos and clients reach this silo at (an IP address or a host name resolved at start).
    /// Unset: the loopback address, which is right for every process on one machine; set it on a network.
    /// </summary>
    public string? AdvertisedHost { get; set; }
}
