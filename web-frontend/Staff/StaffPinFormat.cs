using System.Diagnostics.CodeAnalysis;

namespace Loyalty.Web.Staff;

/// <summary>The contract's staff PIN format: 4 to 8 digits (the PIN grain checks it again as a domain rule).</summary>
internal static class StaffPinFormat
{
    public const string Message = "A PIN has 4 to 8 digits.";

    public static bool IsWellFormed([NotNullWhen(true)] string? pin) => pin is { Length: >= 4 and <= 8 } && pin.All(char.IsAsciiDigit);
}
