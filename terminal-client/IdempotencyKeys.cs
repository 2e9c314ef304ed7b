namespace Loyalty.TerminalClient;

/// <summary>Idempotency keys generated on the tablet.</summary>
public static class IdempotencyKeys
{
    /// <summary>The contract's upper bound on a key's length.</summary>
    public const int MaxLength = 128;

    /// <summary>A new key: 32 hexadecimal characters of a random GUID, unique per merchant for all practical purposes.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    internal static string Validate(string? key, string parameterName)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            throw new ArgumentException($"An idempotency key has 1 to {MaxLength} characters.", parameterName);
        }

        return key;
    }
}
