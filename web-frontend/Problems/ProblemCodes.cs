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
    public const string RateLimited = "rate-limited";
    public const string DeviceUnauthorized = "device-unauthorized";
    public const string DeviceRevoked = "device-revoked";
    public const string DeviceNotFound = "device-not-found";
    public const string PinInvalid = "pin-invalid";
    public const string PinLocked = "pin-locked";
    public const string PinNotFound = "pin-not-found";
    public const string PairingCodeExpired = "pairing-code-expired";
    public const string StoreNotFound = "store-not-found";

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
}
