namespace Loyalty.Web.AdminSite.Cards;

/// <summary>What a search text was taken for (<see cref="CardSearchQuery.Parse"/>).</summary>
public enum CardSearchKind
{
    /// <summary>Nothing to search for: the page shows the form only.</summary>
    None,

    /// <summary>16 digits: the card number, exactly.</summary>
    Number,

    /// <summary>Text with an <c>@</c>: e-mail addresses starting with it, any case.</summary>
    Email,

    /// <summary>Digits (with spaces, dashes, dots, brackets, a leading +): phone numbers ending with them.</summary>
    Phone,

    /// <summary>Anything else: names containing it (any case and accents), and e-mail addresses starting with it.</summary>
    Name,
}
