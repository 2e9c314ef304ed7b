namespace Loyalty.Web.AdminSite.Cards;

/// <summary>Why a search text was not searched for; the page explains it.</summary>
public enum CardSearchProblem
{
    None,
    NameTooShort,
    PhoneTooShort,
    Invalid,
}
