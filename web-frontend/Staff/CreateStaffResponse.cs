namespace Loyalty.Web.Staff;

/// <summary>Answer of admin <c>POST /stores/{storeId}/staff</c>.</summary>
public sealed record CreateStaffResponse(Guid PinId, string Name);
