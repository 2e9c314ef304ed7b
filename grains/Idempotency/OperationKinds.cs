namespace Loyalty.Grains.Idempotency;

/// <summary>The terminal API's operation kinds, as the offline queue names them.</summary>
public static class OperationKinds
{
    public const string Enrollment = "enrollment";
    public const string Stamp = "stamp";
    public const string StampRedemption = "stampRedemption";
    public const string Points = "points";
    public const string PointRedemption = "pointRedemption";
}
