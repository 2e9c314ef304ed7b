namespace Loyalty.Grains.Cards;

public enum CardNumberProblem
{
    None,
    Missing,
    WrongLength,
    NotDigits,
    CheckDigitMismatch,
}
