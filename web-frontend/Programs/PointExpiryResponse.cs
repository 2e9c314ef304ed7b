namespace Loyalty.Web.Programs;

public sealed record PointExpiryResponse(string Mode, int Days);
