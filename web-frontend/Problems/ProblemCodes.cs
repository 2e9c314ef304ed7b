namespace Loyalty.Web.Problems;

/// <summary>The machine-readable <c>code</c> of every problem+json answer (see shared contracts).</summary>
public static class ProblemCodes
{
    public const string Validation = "validation";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string Unavailable = "unavailable";
    public const string Internal = "internal";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string PayloadTooLarge = "payload-too-large";
    public const string Conflict = "conflict";
    public const string MerchantNotFound = "merchant-not-found";
    public const string StoreNotFound = "store-not-found";
    public const string ProgramNotFound = "program-not-found";
    public const string RateLimited = "rate-limited";
    public const string DeviceUnauthorized = "device-unauthorized";
    public const string DeviceRevoked = "device-revoked";
    public const string DeviceNotFound = "device-not-found";
    public const string PinInvalid = "pin-invalid";
    public const string PinLocked = "pin-locked";
    public const string PinNotFound = "pin-not-found";
    public const string PairingCodeExpired = "pairing-code-expired";
    public const string AdminTokenNotFound = "admin-token-not-found";
    public const string EmailTemplateNotFound = "email-template-not-found";
    public const string EmailMessageNotFound = "email-message-not-found";
    public const string EmailMessageSending = "email-message-sending";
    public const string PassNotFound = "pass-not-found";

    /// <summary>The code for problems the framework raises itself (unknown route, wrong method, ...).</summary>
    public static string ForStatus(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => Validation,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        _ => Internal,
    };

    /// <summary>A <c>detail</c> for problems the framework raises itself, which come without one.</summary>
    public static string DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed.",
        StatusCodes.Status401Unauthorized => "Authentication is required.",
        StatusCodes.Status403Forbidden => "Not allowed.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed at this address.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        StatusCodes.Status429TooManyRequests => "Too many requests; retry later.",
        StatusCodes.Status503ServiceUnavailable => "Temporarily unavailable; retry later.",
        _ => "The request failed.",
    };
}
