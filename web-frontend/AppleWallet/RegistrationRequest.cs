namespace Loyalty.Web.AppleWallet;

/// <summary>The body of a device registration: the device's APNs push token.</summary>
public sealed record RegistrationRequest(string? PushToken);
