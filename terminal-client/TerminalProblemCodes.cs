namespace Loyalty.TerminalClient;

/// <summary>The machine <c>code</c>s of terminal API v1 problems, plus the client's own for a request that got no answer.</summary>
public static class TerminalProblemCodes
{
    /// <summary>400: malformed JSON, missing or out-of-range fields; see <see cref="TerminalProblem.Errors"/>.</summary>
    public const string Validation = "validation";

    /// <summary>401: missing or unknown device token.</summary>
    public const string DeviceUnauthorized = "device-unauthorized";

    /// <summary>401: the device was revoked; pair again.</summary>
    public const string DeviceRevoked = "device-revoked";

    /// <summary>401: wrong PIN; see <see cref="TerminalProblem.AttemptsRemaining"/>.</summary>
    public const string PinInvalid = "pin-invalid";

    /// <summary>403: the card, program, PIN or reward belongs to another merchant or store.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>404: no such card.</summary>
    public const string CardNotFound = "card-not-found";

    /// <summary>404: no such staff PIN.</summary>
    public const string PinNotFound = "pin-not-found";

    /// <summary>404: no such program.</summary>
    public const string ProgramNotFound = "program-not-found";

    /// <summary>404: no such reward.</summary>
    public const string RewardNotFound = "reward-not-found";

    /// <summary>409: the idempotency key was used before with a different request.</summary>
    public const string IdempotencyKeyReused = "idempotency-key-reused";

    /// <summary>410: the pairing code expired or was already used.</summary>
    public const string PairingCodeExpired = "pairing-code-expired";

    /// <summary>422: a stamp cooldown is running; see <see cref="TerminalProblem.RetryAt"/>.</summary>
    public const string CooldownActive = "cooldown-active";

    /// <summary>422: a daily limit is reached.</summary>
    public const string DailyLimitReached = "daily-limit-reached";

    /// <summary>422: no stamp reward is available.</summary>
    public const string InsufficientStamps = "insufficient-stamps";

    /// <summary>422: not enough points for the reward.</summary>
    public const string InsufficientPoints = "insufficient-points";

    /// <summary>422: the card is not active.</summary>
    public const string CardInactive = "card-inactive";

    /// <summary>423: too many failed PIN attempts; see <see cref="TerminalProblem.LockedUntil"/>.</summary>
    public const string PinLocked = "pin-locked";

    /// <summary>429: too many requests; see <see cref="TerminalProblem.RetryAfter"/>.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>503: retry later with the same idempotency key.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>Client-side: the request got no answer (network failure or timeout); retry later with the same key.</summary>
    public const string NoAnswer = "no-answer";
}
