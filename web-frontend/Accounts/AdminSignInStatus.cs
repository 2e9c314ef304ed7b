namespace Loyalty.Web.Accounts;

public enum AdminSignInStatus
{
    /// <summary>The password is right and the account may sign in.</summary>
    Succeeded,

    /// <summary>Unknown e-mail, wrong password or disabled account: the page says the same for all three.</summary>
    Failed,

    /// <summary>Too many wrong passwords: nothing is checked until <see cref="AdminSignInResult.LockedUntil"/>.</summary>
    LockedOut,
}
