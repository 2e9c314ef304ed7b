namespace Loyalty.Web.Pairing;

/// <summary>Body of terminal <c>POST /pair</c>.</summary>
public sealed record PairRequest(string? Code, string? DeviceName)
{
    public const int MaxDeviceNameLength = 100;
}
