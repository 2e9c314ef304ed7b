namespace Loyalty.TerminalClient.Contracts;

/// <summary>Body of <c>POST /enrollments</c>.</summary>
/// <param name="ProgramId">The program to enrol in.</param>
/// <param name="Email">The customer's e-mail.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="Phone">Optional phone number.</param>
/// <param name="Birthday">Optional birthday.</param>
/// <param name="Locale">Optional <c>en</c>, <c>fr</c>, <c>de</c> or <c>lb</c>.</param>
/// <param name="PinId">The staff PIN that authorised the enrolment.</param>
/// <param name="IdempotencyKey">1 to 128 characters, unique per merchant.</param>
/// <param name="OccurredAt">When the tablet performed it, for operations sent late.</param>
public sealed record EnrollmentRequest(
    Guid ProgramId,
    string Email,
    string Name,
    string? Phone,
    DateOnly? Birthday,
    string? Locale,
    Guid PinId,
    string IdempotencyKey,
    DateTimeOffset? OccurredAt = null)
{
    /// <summary>The request for <paramref name="customer"/>.</summary>
    /// <param name="customer">The customer fields.</param>
    /// <param name="pinId">The staff PIN that authorised the enrolment.</param>
    /// <param name="idempotencyKey">The operation's key.</param>
    public static EnrollmentRequest For(NewCustomer customer, Guid pinId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(customer.ProgramId, customer.Email, customer.Name, customer.Phone, customer.Birthday, customer.Locale, pinId, idempotencyKey);
    }
}
