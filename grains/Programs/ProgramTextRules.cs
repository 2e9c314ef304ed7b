using Loyalty.GrainInterfaces.Text;
using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Programs;

/// <summary>
/// The text checks <see cref="ProgramValidator"/> leaves out (control characters, reward name lengths), kept apart so
/// the program rules stay about loyalty; together they make every client-sent text storable.
/// </summary>
public static class ProgramTextRules
{
    public static void Validate(ProgramDefinition program, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(errors);
        Clean(errors, "name", program.Name);
        if (program.StampRewardName is { Length: > ProgramValidator.MaxNameLength })
            errors.Add("stampRewardName", $"Must be at most {ProgramValidator.MaxNameLength} characters.");
        Clean(errors, "stampRewardName", program.StampRewardName);
        for (var i = 0; i < program.Rewards.Count; i++)
        {
            var name = program.Rewards[i].Name;
            if (name is { Length: > ProgramValidator.MaxNameLength })
                errors.Add($"rewards[{i}].name", $"Must be at most {ProgramValidator.MaxNameLength} characters.");
            Clean(errors, $"rewards[{i}].name", name);
        }

        foreach (var (locale, text) in program.Terms.Texts)
        {
            if (text is not null && !TextRules.IsClean(text, multiline: true))
                errors.Add($"terms.{locale}", CleanText.MultiLineMessage);
        }
    }

    private static void Clean(FieldErrors errors, string field, string? value)
    {
        if (value is not null && !TextRules.IsClean(value, multiline: false))
            errors.Add(field, CleanText.SingleLineMessage);
    }
}
