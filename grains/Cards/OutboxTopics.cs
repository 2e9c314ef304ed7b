namespace Loyalty.Grains.Cards;

/// <summary>What the e-mail sender finds in the outbox: notices to customers, written with the change that causes them.</summary>
public static class OutboxTopics
{
    /// <summary>A card was created: welcome e-mail with QR code and wallet link.</summary>
    public const string Enrollment = "enrollment";

    /// <summary>The welcome bonus was credited.</summary>
    public const string WelcomeBonus = "welcome-bonus";

    /// <summary>A stamp reward became available.</summary>
    public const string RewardReady = "reward-ready";

    /// <summary>Points expire soon.</summary>
    public const string PointsExpiring = "points-expiring";

    /// <summary>Points expired.</summary>
    public const string PointsExpired = "points-expired";

    /// <summary>
    /// A customer asked to sign in to the portal: the payload is <c>{"email", "locale", "link", "expiresAt"}</c>, the
    /// single-use link valid until <c>expiresAt</c>. Written by the web frontend, not by a card grain.
    /// </summary>
    public const string PortalSignIn = "portal-sign-in";

    /// <summary>
    /// An admin account's password reset link: the payload is <c>{"email", "displayName", "locale", "link", "expiresAt"}</c>,
    /// the single-use link valid until <c>expiresAt</c>. Written by the web frontend; no card, and a merchant only when
    /// the account belongs to one.
    /// </summary>
    public const string AdminPasswordReset = "admin-password-reset";
}
