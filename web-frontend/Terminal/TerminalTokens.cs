namespace Loyalty.Web.Terminal;

/// <summary>Reads the bearer token of a terminal request.</summary>
internal static class TerminalTokens
{
    private const string Scheme = "Bearer ";

    public static string? FromHeader(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        var token = header[Scheme.Length..].Trim();
        return token.Length > 0 ? token : null;
    }
}
