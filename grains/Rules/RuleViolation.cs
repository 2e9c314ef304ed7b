namespace Loyalty.Grains.Rules;

/// <summary>
/// Why a rule refused an operation. <see cref="Code"/> is the contract's machine code; <see cref="Errors"/> is set
/// for <c>validation</c> (field name to messages); <see cref="RetryAt"/> is set when waiting helps
/// (cooldown end, next day of a daily cap).
/// </summary>
public sealed record RuleViolation(string Code, string Message)
{
    public DateTimeOffset? RetryAt { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors { get; init; }

    public static RuleViolation Validation(string field, string message) =>
        new(ErrorCodes.Validation, message) { Errors = new Dictionary<string, IReadOnlyList<string>> { [field] = [message] } };

    public static RuleViolation Validation(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var all = errors.ToDictionary();
        var first = all.Values.SelectMany(messages => messages).FirstOrDefault() ?? "The request is not valid.";
        return new RuleViolation(ErrorCodes.Validation, first) { Errors = all };
    }
}
