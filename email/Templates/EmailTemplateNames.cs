using Loyalty.Grains.Cards;

namespace Loyalty.Email.Templates;

/// <summary>The templates there are (one per outbox topic, plus the test e-mail's) and the variables each may use.</summary>
public static class EmailTemplateNames
{
    /// <summary>Not a template: the template name the e-mail log records for a test e-mail.</summary>
    public const string Test = "test";

    private static readonly string[] CardVariables = ["customerName", "merchantName", "cardNumber", "cardLink"];

    /// <summary>Template name → the variables it may use (<c>{{name}}</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Variables { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [OutboxTopics.Enrollment] = [.. CardVariables, "qrCode", "googleWalletButtonHtml", "googleWalletLine", "appleWalletButtonHtml", "appleWalletLine"],
        [OutboxTopics.WelcomeBonus] = [.. CardVariables, "points"],
        [OutboxTopics.RewardReady] = [.. CardVariables, "rewardsAvailable"],
        [OutboxTopics.PointsExpiring] = [.. CardVariables, "points", "expiresAt"],
        [OutboxTopics.PointsExpired] = [.. CardVariables, "points"],
        [OutboxTopics.PortalSignIn] = ["merchantName", "signInLink", "expiresAt"],
        [OutboxTopics.AdminPasswordReset] = ["displayName", "resetLink", "expiresAt"],
    };

    public static IReadOnlyList<string> All { get; } = [.. Variables.Keys];

    public static bool Exists(string? name) => name is not null && Variables.ContainsKey(name);
}
