namespace Loyalty.Grains.Pins;

/// <summary>Staff PINs are 4 to 8 ASCII digits.</summary>
public static class PinFormat
{
    public const int MinLength = 4;
    public const int MaxLength = 8;

    /// <summary>Null when <paramref name="pin"/> is well-formed, else the message for the <c>pin</c> field.</summary>
    public static string? Validate(string? pin)
    {
        if (string.IsNullOrEmpty(pin))
            return "A PIN is required.";
        if (pin.Length is < MinLength or > MaxLength)
            return $"A PIN has {MinLength} to {MaxLength} digits.";
        return pin.All(char.IsAsciiDigit) ? null : "A PIN contains digits only.";
    }

    public static bool IsValid(string? pin) => Validate(pin) is null;
}
