namespace Loyalty.Web.Terminal;

/// <summary>The paired, non-revoked device a terminal request comes from, and when it was paired.</summary>
public sealed record TerminalDevice(Guid DeviceId, Guid StoreId, Guid MerchantId, DateTimeOffset PairedAt);
