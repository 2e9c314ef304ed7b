namespace Loyalty.GrainInterfaces.Cards;

/// <summary>A customer's enrolment in a program (storefront, terminal or admin).</summary>
public sealed record EnrollmentRequest(Guid ProgramId, CustomerProfile Customer, OperationOrigin Origin);
