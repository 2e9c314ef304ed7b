namespace Loyalty.Wallet;

/// <summary>
/// <c>Loyalty:Wallet:Google</c>: the Google Wallet issuer and its service account. Wallet features (buttons, passes,
/// resync) are off until <see cref="IssuerId"/> and <see cref="ServiceAccountKeyFile"/> are both set.
/// </summary>
public sealed class GoogleWalletOptions
{
    public const string SectionName = "Loyalty:Wallet:Google";

    /// <summary>The scope a service-account token is asked for.</summary>
    public const string Scope = "https://www.googleapis.com/auth/wallet_object.issuer";

    /// <summary>The issuer id from the Google Pay and Wallet console (digits); classes and objects are named after it.</summary>
    public string? IssuerId { get; set; }

    /// <summary>Path of the service account's JSON key file. Its content is never logged.</summary>
    public string? ServiceAccountKeyFile { get; set; }

    /// <summary>The program logo every loyalty class shows (<c>programLogo</c>, required by Google): an absolute URL to an image.</summary>
    public Uri? LogoUrl { get; set; }

    /// <summary>Web origins allowed to show the save button (the JWT's <c>origins</c>); empty: the storefront's own origin.</summary>
    public IList<string> Origins { get; } = [];

    /// <summary>The Wallet REST API; tests point it at a fake server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://walletobjects.googleapis.com/walletobjects/v1/");

    /// <summary>The OAuth token endpoint; unset: the key file's <c>token_uri</c> (Google's endpoint). Tests point it at a fake.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Wallet API requests per second for the whole cluster (Google's limit is 20).</summary>
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>Notifying updates per pass within <see cref="NotificationWindow"/> (Google allows 3; more go out silent).</summary>
    public int NotificationsPerWindow { get; set; } = 3;

    public TimeSpan NotificationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Wait before the second attempt of a failed resync; doubled per further attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Period of a pending pass's reminder: how often a survivor looks again after a crash (at least a minute in production).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one Wallet API request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether Google Wallet is configured: the buttons show and passes are kept in sync only then.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(IssuerId) && !string.IsNullOrWhiteSpace(ServiceAccountKeyFile);

    /// <summary>Why the settings cannot work, or null when they can (or are entirely unset).</summary>
    public string? Problem()
    {
        var any = !string.IsNullOrWhiteSpace(IssuerId) || !string.IsNullOrWhiteSpace(ServiceAccountKeyFile);
        if (!any)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(IssuerId) || !IssuerId.All(char.IsAsciiDigit))
        {
            return "Loyalty:Wallet:Google:IssuerId must be the issuer's number (digits only) when a key file is set.";
        }

        if (string.IsNullOrWhiteSpace(ServiceAccountKeyFile))
        {
            return "Loyalty:Wallet:Google:ServiceAccountKeyFile must be set with IssuerId.";
        }

        if (LogoUrl is not { IsAbsoluteUri: true } logo || (logo.Scheme != Uri.UriSchemeHttps && logo.Scheme != Uri.UriSchemeHttp))
        {
            return "Loyalty:Wallet:Google:LogoUrl must be an absolute http(s) URL of the program logo.";
        }

        if (Origins.Any(o => !Uri.TryCreate(o, UriKind.Absolute, out _)))
        {
            return "Loyalty:Wallet:Google:Origins must be absolute URLs such as https://shop.example.";
        }

        return null;
    }

    /// <summary>Why the limits cannot work, or null.</summary>
    public string? LimitProblem() =>
        RequestsPerSecond is < 1 or > 1000 ? "Loyalty:Wallet:Google:RequestsPerSecond must be from 1 to 1000."
        : NotificationsPerWindow is < 0 or > 3 ? "Loyalty:Wallet:Google:NotificationsPerWindow must be from 0 to 3 (Google's limit)."
        : NotificationWindow <= TimeSpan.Zero || FirstRetryDelay <= TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay || ReminderPeriod <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero
            ? "Loyalty:Wallet:Google: NotificationWindow, FirstRetryDelay, ReminderPeriod and RequestTimeout must be positive, MaxRetryDelay at least FirstRetryDelay."
        : null;
}
