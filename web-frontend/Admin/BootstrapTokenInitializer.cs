using Microsoft.Extensions.Options;

namespace Loyalty.Web.Admin;

/// <summary>
/// Makes sure a platform-admin token exists from start-up: the configured one, or one generated on first start
/// and logged once (the only time a secret is ever logged; configure the token to avoid it).
/// </summary>
public sealed partial class BootstrapTokenInitializer(
    AdminTokenStore store,
    IOptions<AdminOptions> options,
    ILogger<BootstrapTokenInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.BootstrapToken is { } configured)
        {
            await store.SetBootstrapTokenAsync(configured, cancellationToken);
            LogConfigured(logger);
            return;
        }

        if (await store.CreateBootstrapTokenIfMissingAsync(cancellationToken) is { } generated)
        {
            LogGenerated(logger, generated);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform-admin bootstrap token taken from Loyalty:Admin:BootstrapToken")]
    private static partial void LogConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the platform-admin bootstrap token {Token}. It is shown this once: store it now, or set Loyalty:Admin:BootstrapToken")]
    private static partial void LogGenerated(ILogger logger, string token);
}
