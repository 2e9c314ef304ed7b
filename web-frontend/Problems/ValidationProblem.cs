using Loyalty.GrainInterfaces.Text;

namespace Loyalty.Web.Problems;

/// <summary>
/// Collects field errors of one request; <see cref="ToResult"/> is the contract's 400 <c>validation</c> problem with
/// <c>errors</c> (field name → messages). Field names are the request's JSON names (camelCase).
/// </summary>
public sealed class ValidationProblem
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    /// <summary>The field errors so far, as a grain's validation refusal carries them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors =>
        _errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>The fields with errors: the admin pages show their own, localized, message for each.</summary>
    public IReadOnlyCollection<string> Fields => _errors.Keys;

    public ValidationProblem Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> when <paramref name="invalid"/> holds.</summary>
    public ValidationProblem When(bool invalid, string field, string message) => invalid ? Add(field, message) : this;

    /// <summary>Refuses control characters in a client's text (<see cref="CleanText"/>, the rule of both APIs).</summary>
    public ValidationProblem Text(string field, string? value, bool multiline = false) =>
        CleanText.Problem(value, multiline) is { } message ? Add(field, message) : this;

    public IResult ToResult() => Results.Problem(ToDetails());

    public Microsoft.AspNetCore.Mvc.ProblemDetails ToDetails() => Problem.Details(
        StatusCodes.Status400BadRequest,
        ProblemCodes.Validation,
        "The request is invalid",
        "See errors for each field.",
        new Dictionary<string, object?> { ["errors"] = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal) });
}
