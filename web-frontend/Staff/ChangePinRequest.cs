namespace Loyalty.Web.Staff;

/// <summary>Body of admin <c>POST /stores/{storeId}/staff/{pinId}/pin</c>: the new PIN (4 to 8 digits).</summary>
public sealed record ChangePinRequest(string? Pin)
{
    // A clear PIN must not reach logs through the generated ToString.
    public override string ToString() => nameof(ChangePinRequest);
}
