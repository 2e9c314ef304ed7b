using Loyalty.Database;
using Loyalty.Email.Composition;
using Loyalty.Email.Dispatch;
using Loyalty.Email.Log;
using Loyalty.Email.Sending;
using Loyalty.Email.Settings;
using Loyalty.Email.Templates;
using Loyalty.Wallet.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Loyalty.Email.Hosting;

/// <summary>E-mail: its schema (module <c>email</c>), settings, templates and log; the dispatcher on silos only.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// What every host that administers e-mail needs (settings, templates, log, test e-mail), without the schema, which
    /// silos apply (a pure client may start before the application's tables exist). Needs the database and
    /// <c>AddLoyaltyCustomerLinks</c> (Data Protection, card links) on the host. Idempotent.
    /// </summary>
    public static IServiceCollection AddLoyaltyEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(EmailSettingsStore)))
        {
            return services;
        }

        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .Validate(o => o.From is null || MailboxAddress.TryParse(o.From, out _), "Loyalty:Email:From must be an e-mail address, e.g. \"Shop <no-reply@example.com>\".")
            .Validate(o => o.Smtp.Port is null or (>= 1 and <= 65535), "Loyalty:Email:Smtp:Port must be from 1 to 65535.")
            .Validate(o => o.Dispatch.BatchSize >= 1 && o.Dispatch.Connections >= 1 && o.Dispatch.MaxAttempts >= 1, "Loyalty:Email:Dispatch: BatchSize, Connections and MaxAttempts must be at least 1.")
            .Validate(o => o.Dispatch.PollInterval > TimeSpan.Zero && o.Dispatch.Lease > o.Dispatch.SendTimeout && o.Dispatch.SendTimeout > TimeSpan.Zero,
                "Loyalty:Email:Dispatch: PollInterval and SendTimeout must be positive, and Lease longer than SendTimeout.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // The enrolment e-mail's Google Wallet button.
        services.AddLoyaltyGoogleWallet(configuration);
        services.AddSingleton<EmailSettingsStore>();
        services.AddSingleton<EmailTemplateStore>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<EmlDropFolder>();
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<EmailLog>();
        services.AddSingleton<TestEmailSender>();
        return services;
    }

    /// <summary>
    /// <see cref="AddLoyaltyEmail"/>, the schema (after the application's module, whose outbox it extends) and the
    /// dispatcher that drains the outbox (unless <c>Loyalty:Email:Dispatch:Enabled</c> is false): for silos, never for a
    /// pure client.
    /// </summary>
    public static IServiceCollection AddLoyaltyEmailDispatcher(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLoyaltyEmail(configuration);
        services.AddMigrations("email", typeof(EmailServiceCollectionExtensions).Assembly);
        if (configuration.GetValue($"{EmailOptions.SectionName}:Dispatch:Enabled", true))
        {
            services.AddHostedService<EmailDispatcher>();
        }

        return services;
    }
}
