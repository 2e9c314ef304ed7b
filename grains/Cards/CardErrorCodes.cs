namespace Loyalty.Grains.Cards;

/// <summary>Card outcomes' codes beyond the card rules' own (see <see cref="Rules.ErrorCodes"/>).</summary>
public static class CardErrorCodes
{
    public const string CardNotFound = "card-not-found";
    public const string ProgramNotFound = "program-not-found";
    public const string Forbidden = "forbidden";

    /// <summary>A freshly generated card number was already taken: the enrolment grain draws another.</summary>
    public const string CardNumberTaken = "card-number-taken";
}
