namespace Loyalty.Web.Terminal.Requests;

public sealed record EnrollmentBody(
    Guid? ProgramId,
    string? Email,
    string? Name,
    string? Phone,
    DateOnly? Birthday,
    string? Locale,
    Guid? PinId,
    string? IdempotencyKey,
    DateTimeOffset? OccurredAt);
