namespace Loyalty.GrainInterfaces.Cards;

/// <summary>
/// The enrolment of one e-mail address in one program, keyed <c>{programId:N}/{lower-case e-mail}</c>: its single
/// activation serializes concurrent attempts, so a program has at most one card per e-mail.
/// </summary>
[Alias("loyalty.IEnrollmentGrain")]
public interface IEnrollmentGrain : IGrainWithStringKey
{
    /// <summary>Enrols the customer, or answers with the existing card (status <see cref="CardOutcomeStatus.Existing"/>).</summary>
    [Alias("EnrollAsync")]
    Task<CardOutcome> EnrollAsync(EnrollmentRequest request);
}
