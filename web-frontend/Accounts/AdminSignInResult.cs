namespace Loyalty.Web.Accounts;

/// <summary>The outcome of a sign-in attempt: the account when it succeeded, the lockout's end when it is locked.</summary>
public sealed record AdminSignInResult(AdminSignInStatus Status, AdminAccount? Account, DateTimeOffset? LockedUntil)
{
    public static AdminSignInResult Failed { get; } = new(AdminSignInStatus.Failed, null, null);
}
