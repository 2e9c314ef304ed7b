using Loyalty.Web.Admin;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Accounts;

/// <summary>
/// Makes sure the admin site has a platform admin from start-up. With <c>Loyalty:Admin:BootstrapPassword</c> configured,
/// the account <c>BootstrapEmail</c> (default <c>admin@localhost</c>) is created with it if no platform admin exists.
/// Otherwise, when no platform-admin account exists, one is created with a generated one-time password, logged once at
/// Warning (like the bootstrap token), which must be changed at the first sign-in.
/// </summary>
public sealed partial class BootstrapAccountInitializer(
    AdminAccountStore accounts,
    IOptions<AdminOptions> options,
    ILogger<BootstrapAccountInitializer> logger) : IHostedService
{
    public const string DefaultEmail = "admin@localhost";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = options.Value.BootstrapEmail ?? DefaultEmail;
        if (options.Value.BootstrapPassword is { } configured)
        {
            if (await accounts.CreateBootstrapAsync(email, configured, mustChangePassword: false, cancellationToken))
                LogConfigured(logger, email);
            return;
        }

        var generated = AdminPasswords.Generate();
        if (await accounts.CreateBootstrapAsync(email, generated, mustChangePassword: true, cancellationToken))
            LogGenerated(logger, email, generated);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the platform-admin account {Email} with the password from Loyalty:Admin:BootstrapPassword")]
    private static partial void LogConfigured(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the platform-admin account {Email} with the one-time password {Password}. It is shown this once: sign in at /admin/sign-in and choose a new password, or set Loyalty:Admin:BootstrapPassword")]
    private static partial void LogGenerated(ILogger logger, string email, string password);
}
