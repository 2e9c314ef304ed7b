namespace Loyalty.Web.Staff;

/// <summary>Body of admin <c>POST /stores/{storeId}/staff</c>.</summary>
public sealed record CreateStaffRequest(string? Name, string? Pin)
{
    public const int MaxNameLength = 100;

    // A clear PIN must not reach logs through the generated ToString.
    public override string ToString() => $"{nameof(CreateStaffRequest)} {{ Name = {Name} }}";
}
