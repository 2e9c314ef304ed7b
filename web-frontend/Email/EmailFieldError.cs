using Loyalty.Web.Problems;

namespace Loyalty.Web.Email;

/// <summary>
/// One field's error in an e-mail change, shared by the admin API and the admin pages: <see cref="Field"/> is the API's
/// JSON name, <see cref="Code"/> a stable kind the pages translate (with <see cref="Arguments"/>), <see cref="Message"/>
/// the API's English text.
/// </summary>
public sealed record EmailFieldError(string Field, string Code, string Message, IReadOnlyList<string> Arguments)
{
    public EmailFieldError(string field, string code, string message)
        : this(field, code, message, [])
    {
    }

    /// <summary>The API's 400 validation problem for <paramref name="errors"/>, field by field in order.</summary>
    public static ValidationProblem ToProblem(IEnumerable<EmailFieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = new ValidationProblem();
        foreach (var error in errors)
        {
            problem.Add(error.Field, error.Message);
        }

        return problem;
    }
}
