namespace Loyalty.Runtime.CodeGen;

/// <summary>Names derived from a grain interface: its grain type and the prefix of its generated types.</summary>
internal static class GrainTypeNames
{
    private const string GrainSuffix = "Grain";

    /// <summary><c>ICardGrain</c> → <c>card</c>; an <c>I</c> is only dropped when it is the interface prefix.</summary>
    public static string DefaultGrainType(string interfaceName)
    {
        var name = interfaceName;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        if (name.Length > GrainSuffix.Length && name.EndsWith(GrainSuffix, StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - GrainSuffix.Length);
        }

        return name.ToLowerInvariant();
    }

    public static bool IsValidGrainType(string? grainType) =>
        !string.IsNullOrWhiteSpace(grainType) && grainType!.IndexOf('/') < 0;

    /// <summary>
    /// Turns <c>Loyalty.Grains.ICardGrain</c> into <c>Loyalty_Grains_ICardGrain</c>. Underscores already in the
    /// name become <c>_1</c> so that <c>A_B.I</c> and <c>A.B_I</c> cannot collide; a digit never follows a dot.
    /// </summary>
    public static string GeneratedPrefix(string fullName) =>
        fullName.Replace("_", "_1").Replace('.', '_');
}
