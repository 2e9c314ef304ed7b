namespace Loyalty.Web.Staff;

/// <summary>Body of <c>POST /staff/{pinId}/verify</c>.</summary>
public sealed record VerifyPinRequest(string? Pin)
{
    // A clear PIN must not reach logs through the generated ToString.
    public override string ToString() => nameof(VerifyPinRequest);
}
