namespace Loyalty.Web.Staff;

/// <summary>Answer of a successful <c>POST /staff/{pinId}/verify</c>.</summary>
public sealed record VerifyPinResponse(bool Valid);
