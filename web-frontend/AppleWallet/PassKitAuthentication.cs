using Loyalty.Web.Problems;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.AppleWallet;

/// <summary>
/// The PassKit web service's authentication: <c>Authorization: ApplePass &lt;authenticationToken&gt;</c>, the token in
/// the pass (<see cref="ApplePassTokens"/>), compared in constant time. Another pass's token is 401, as Apple's contract says.
/// </summary>
public sealed class PassKitAuthentication(ApplePassTokens tokens, IOptions<AppleWalletOptions> options)
{
    public const string Scheme = "ApplePass";

    /// <summary>The token of a well-formed <c>ApplePass</c> header, or null.</summary>
    public static string? PresentedToken(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
            return null;
        var token = value[(Scheme.Length + 1)..].Trim();
        return token.Length is >= 16 and <= 256 && token.All(c => c is > ' ' and <= '~') ? token : null;
    }

    /// <summary>Null when the pass type is ours and the token is the serial number's, else the refusal (404 or 401).</summary>
    public async Task<IResult?> CheckAsync(HttpContext context, string passType, string serialNumber, string token, CancellationToken cancellationToken)
    {
        if (passType != options.Value.PassTypeIdentifier)
            return PassNotFound();
        return await tokens.IsValidAsync(serialNumber, token, cancellationToken) ? null : Unauthorized(context);
    }

    public static IResult Unauthorized(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = Scheme;
        return Problem.Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "Authentication required",
            "Send the pass's authenticationToken as Authorization: ApplePass <token>.");
    }

    public static IResult PassNotFound() =>
        Problem.Create(StatusCodes.Status404NotFound, ProblemCodes.PassNotFound, "Pass not found", "No pass of this type has this serial number.");
}
