namespace Loyalty.GrainInterfaces.Cards;

/// <summary>A customer's enrolment in a program (storefront, terminal or admin).</summary>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.cards.EnrollmentRequest")]
public sealed record EnrollmentRequest(
    [Id(0)] Guid ProgramId,
    [Id(1)] CustomerProfile Customer,
    [Id(2)] OperationOrigin Origin);
