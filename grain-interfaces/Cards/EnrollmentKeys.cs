namespace Loyalty.GrainInterfaces.Cards;

/// <summary>The enrolment grain's key: one grain per program and (case-insensitive) e-mail.</summary>
public static class EnrollmentKeys
{
    public static string Of(Guid programId, string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return $"{programId:N}/{email.Trim().ToLowerInvariant()}";
    }
}
