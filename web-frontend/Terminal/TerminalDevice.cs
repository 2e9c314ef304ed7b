namespace Loyalty.Web.Terminal;

/// <summary>The paired, non-revoked device a terminal request comes from.</summary>
public sealed record TerminalDevice(Guid DeviceId, Guid StoreId, Guid MerchantId);
