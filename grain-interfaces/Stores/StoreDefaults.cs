namespace Loyalty.GrainInterfaces.Stores;

/// <summary>Values a store gets when the request leaves them out.</summary>
public static class StoreDefaults
{
    /// <summary>The platform started in Luxembourg; stores elsewhere name their zone.</summary>
    public const string TimeZone = "Europe/Luxembourg";
}
