namespace Loyalty.Email.Composition;

/// <summary>An outbox message no e-mail can be made from (no card, no address, a malformed payload): retrying cannot help.</summary>
public sealed class EmailCompositionException : Exception
{
    public EmailCompositionException()
    {
    }

    public EmailCompositionException(string message)
        : base(message)
    {
    }

    public EmailCompositionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
