using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Loyalty.Grains.Hosting;

/// <summary>Structured logging for every Loyalty process, configured from the <c>Serilog</c> configuration section.</summary>
public static class LoggingHostingExtensions
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static IHostApplicationBuilder AddLoyaltyLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
            .Enrich.FromLogContext();
        if (builder.Configuration.GetSection("Serilog").Exists())
        {
            configuration = configuration.ReadFrom.Configuration(builder.Configuration);
        }
        else
        {
            configuration = configuration.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
