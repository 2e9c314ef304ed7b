namespace Loyalty.GrainInterfaces.Cards;

public enum CardNumberProblem
{
    None,
    Missing,
    WrongLength,
    NotDigits,
    CheckDigitMismatch,
}
