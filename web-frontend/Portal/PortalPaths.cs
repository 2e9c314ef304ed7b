namespace Loyalty.Web.Portal;

/// <summary>The portal's addresses, all under <c>/m/{merchantSlug}/portal</c>.</summary>
public static class PortalPaths
{
    public static string SignIn(string merchantSlug) => $"/m/{Uri.EscapeDataString(merchantSlug)}/portal";

    public static string Link(string merchantSlug, string token) => $"{SignIn(merchantSlug)}/sign-in/{token}";

    public static string Cards(string merchantSlug) => $"{SignIn(merchantSlug)}/cards";

    public static string History(string merchantSlug, string cardNumber) => $"{Cards(merchantSlug)}/{cardNumber}/history";

    public static string Export(string merchantSlug) => $"{SignIn(merchantSlug)}/export";

    public static string Erase(string merchantSlug) => $"{SignIn(merchantSlug)}/erase";

    public static string SignOut(string merchantSlug) => $"{SignIn(merchantSlug)}/sign-out";
}
