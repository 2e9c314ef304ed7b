namespace Loyalty.Web.Merchants;

/// <summary>Body of <c>PUT /merchants/{merchantId}/pin-lockout</c>. Nullable so a missing field is a field error.</summary>
public sealed record PinLockoutRequest(int? MaxConsecutiveFailures, int? LockMinutes);
