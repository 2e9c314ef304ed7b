namespace Loyalty.Web.Admin;

public static class AdminHttpContextExtensions
{
    internal const string ItemKey = "Loyalty.Admin";

    /// <summary>The admin principal of a request that passed <see cref="AdminAuthenticationFilter"/>.</summary>
    public static AdminPrincipal GetAdmin(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as AdminPrincipal
            ?? throw new InvalidOperationException("The admin endpoint is not behind AdminAuthenticationFilter.");
    }
}
