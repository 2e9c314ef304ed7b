namespace Loyalty.Web.Email;

/// <summary>The services behind e-mail administration, shared by the admin API and the admin pages.</summary>
public static class EmailAdministrationExtensions
{
    /// <summary>Needs the e-mail project's services (<c>AddLoyaltyEmail</c>, which the silo and the client registrations add).</summary>
    public static IServiceCollection AddEmailAdministration(this IServiceCollection services)
    {
        services.AddSingleton<EmailLogService>();
        services.AddSingleton<EmailTemplateEditor>();
        services.AddSingleton<EmailSettingsEditor>();
        services.AddSingleton<EmailLogMerchants>();
        return services;
    }
}
