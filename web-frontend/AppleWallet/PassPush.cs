namespace Loyalty.Web.AppleWallet;

/// <summary>One device to wake because one of its passes changed.</summary>
public sealed record PassPush(string PassTypeIdentifier, string SerialNumber, string DeviceLibraryIdentifier, string PushToken);
