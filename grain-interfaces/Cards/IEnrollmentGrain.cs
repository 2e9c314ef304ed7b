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

    /// <summary>
    /// Forgets the enrolment of <paramref name="cardNumber"/> when its customer's data is erased: the grain's state and
    /// its storage row (whose grain id holds the e-mail) are deleted, so enrolling again with the e-mail creates a new
    /// card. Does nothing when this enrolment names another card.
    /// </summary>
    [Alias("ForgetAsync")]
    Task ForgetAsync(string cardNumber);
}
