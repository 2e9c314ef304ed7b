namespace Loyalty.GrainInterfaces.Text;

/// <summary>
/// The one rule for every text a client sends, in both APIs: no control characters (line breaks and tabs only in
/// multi-line texts) and no unpaired surrogates. PostgreSQL cannot store NUL in text or jsonb, and would refuse the
/// whole write; checked at the edge, such a request is a 400 that names the field and changes nothing.
/// </summary>
public static class CleanText
{
    public const string SingleLineMessage = "Must not contain control characters.";
    public const string MultiLineMessage = "Must not contain control characters other than line breaks and tabs.";

    public static bool IsClean(string value, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
                return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return false;
        }

        return true;
    }

    /// <summary>The field message when <paramref name="value"/> is not clean, else null (a null value is clean).</summary>
    public static string? Problem(string? value, bool multiline = false) =>
        value is null || IsClean(value, multiline) ? null : multiline ? MultiLineMessage : SingleLineMessage;
}
