namespace Loyalty.GrainInterfaces.Cards;

/// <summary>The result of <see cref="CardNumbers.Validate"/>: valid, or the problem and a reason fit for an error message.</summary>
public sealed record CardNumberValidation(CardNumberProblem Problem, string? Reason)
{
    public static CardNumberValidation Valid { get; } = new(CardNumberProblem.None, null);

    public bool IsValid => Problem == CardNumberProblem.None;
}
