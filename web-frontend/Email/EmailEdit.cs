namespace Loyalty.Web.Email;

/// <summary>The result of an e-mail change: its value, or the field errors that refused it (and then nothing changed).</summary>
public sealed record EmailEdit<T>(T? Value, IReadOnlyList<EmailFieldError> Errors)
    where T : class
{
    public EmailEdit(T value)
        : this(value, [])
    {
    }

    public EmailEdit(IReadOnlyList<EmailFieldError> errors)
        : this(null, errors)
    {
    }

    public bool Succeeded => Errors.Count == 0;
}
