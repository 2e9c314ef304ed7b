namespace Loyalty.Grains.Audit;

/// <summary>The <c>subject_type</c> values of <c>audit_log</c>.</summary>
public static class AuditSubjects
{
    public const string Merchant = "merchant";
    public const string Store = "store";
    public const string Program = "program";
    public const string Card = "card";
    public const string Pin = "pin";
    public const string Device = "device";
}
