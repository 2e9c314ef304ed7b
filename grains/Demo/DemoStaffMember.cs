namespace Loyalty.Grains.Demo;

/// <summary>A demo staff PIN. The PINs are public (README, demo section) and exist only for the demo merchant.</summary>
public sealed record DemoStaffMember(Guid PinId, Guid StoreId, string Name, string Pin)
{
    // The clear PIN stays out of logs and exception messages even though it is a documented demo value.
    public override string ToString() => $"DemoStaffMember {{ PinId = {PinId}, StoreId = {StoreId}, Name = {Name} }}";
}
