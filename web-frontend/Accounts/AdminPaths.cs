namespace Loyalty.Web.Accounts;

/// <summary>The admin site's fixed paths, and which return addresses the sign-in page follows.</summary>
public static class AdminPaths
{
    public const string Root = "/admin";
    public const string SignIn = "/admin/sign-in";
    public const string SignOut = "/admin/sign-out";
    public const string ForgotPassword = "/admin/forgot-password";
    public const string ResetPassword = "/admin/reset-password";
    public const string ChangePassword = "/admin/change-password";
    public const string Accounts = "/admin/accounts";
    public const string ReturnUrlParameter = "returnUrl";

    private const int MaxReturnUrlLength = 2048;

    public static string SignInWithReturn(string returnUrl) =>
        $"{SignIn}?{ReturnUrlParameter}={Uri.EscapeDataString(returnUrl)}";

    /// <summary>
    /// <paramref name="returnUrl"/> when it is a local path of the admin site (not the sign-in pages themselves);
    /// otherwise the admin home. Nothing else is followed: no other host, no scheme-relative <c>//host</c>, no
    /// backslashes, no other part of the site.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > MaxReturnUrlLength
            || returnUrl.Contains('\\', StringComparison.Ordinal) || returnUrl.Any(char.IsControl)
            || returnUrl.StartsWith("//", StringComparison.Ordinal))
        {
            return Root;
        }

        var path = returnUrl.Split('?', '#')[0];
        if (!path.Equals(Root, StringComparison.OrdinalIgnoreCase) && !path.StartsWith(Root + "/", StringComparison.OrdinalIgnoreCase))
            return Root;
        if (path.Contains("/../", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal) || path.Contains('%', StringComparison.Ordinal))
            return Root;
        return path.Equals(SignIn, StringComparison.OrdinalIgnoreCase) || path.Equals(SignOut, StringComparison.OrdinalIgnoreCase) ? Root : returnUrl;
    }
}
