namespace Loyalty.Web.Accounts;

public enum AdminAccountCreateOutcome
{
    Created,

    /// <summary>Another account has the e-mail (in any case).</summary>
    EmailTaken,

    /// <summary>The merchant does not exist, or the store is not one of the merchant's.</summary>
    UnknownScope,
}
