using System.Diagnostics;
using System.Globalization;
using Loyalty.Bench.Cards;
using Loyalty.Email;
using Loyalty.Email.Dispatch;
using Loyalty.Email.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;

namespace Loyalty.Bench.Email;

/// <summary>
/// <c>email</c>: N enrolments (<c>--cards</c>, default 10,000) through the enrolment grains while one dispatcher (as one
/// silo runs it) drains their outbox messages to a local SMTP server in this process; reports the delivery rate and
/// checks that every message arrived once. Not part of <c>all</c>: the bench's host runs no dispatcher of its own
/// (<c>Loyalty:Email:Dispatch:Enabled=false</c>), so other scenarios' enrolments are not mailed.
/// </summary>
public sealed class EmailScenario(IServiceProvider services, Uri address, BenchSettings settings)
{
    public const string Name = "email";

    public async Task RunAsync()
    {
        await using var smtp = new CountingSmtpServer();
        var options = Options.Create(new EmailOptions
        {
            From = "Bench <bench@loyalty.example>",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None },
            Dispatch = new EmailDispatchOptions { PollInterval = TimeSpan.FromMilliseconds(100), BatchSize = 200, Connections = 4 },
        });
        var store = ActivatorUtilities.CreateInstance<EmailSettingsStore>(services, options);
        using var dispatcher = ActivatorUtilities.CreateInstance<EmailDispatcher>(services, options, store);
        var fixture = await CardFixture.CreateAsync(address);
        var count = settings.Cards;

        var clock = Stopwatch.StartNew();
        await dispatcher.StartAsync(CancellationToken.None);
        await fixture.EnrollAsync(services.GetRequiredService<IGrainFactory>(), count, $"mail-{Guid.NewGuid():N}");
        var enrolled = clock.Elapsed;
        var deliveredDuringEnrolment = smtp.Count;

        // CPU of this whole process (silo, dispatcher, SMTP server, PostgreSQL excluded) per e-mail once enrolment is done.
        var cpuAtEnrolled = Environment.CpuUsage.TotalTime;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (smtp.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var delivered = clock.Elapsed;
        var drainCpu = Environment.CpuUsage.TotalTime - cpuAtEnrolled;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await dispatcher.StopAsync(CancellationToken.None);

        var database = services.GetRequiredService<NpgsqlDataSource>();
        await using var sent = database.CreateCommand("SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FROM email_log");
        await using var reader = await sent.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (logged, attempts) = (reader.GetInt64(0), reader.GetInt64(1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"email: {count} enrolments in {enrolled.TotalSeconds:F1} s ({count / enrolled.TotalSeconds:F0}/s); {smtp.Count} e-mails delivered in {delivered.TotalSeconds:F1} s " +
            $"({smtp.Count / delivered.TotalSeconds:F0}/s overall; {deliveredDuringEnrolment} while enrolling, then {(smtp.Count - deliveredDuringEnrolment) / (delivered - enrolled).TotalSeconds:F0}/s), " +
            $"{smtp.DistinctMessageIds} distinct Message-Ids; e-mail log: {logged} sent of {attempts} attempts; " +
            $"{drainCpu.TotalMilliseconds / Math.Max(1, smtp.Count - deliveredDuringEnrolment):F2} ms of this process's CPU per e-mail after enrolment; load average {File.ReadAllText("/proc/loadavg")[..14]}"));
        if (smtp.Count != count || smtp.DistinctMessageIds != count || logged != count || attempts != count)
        {
            throw new InvalidOperationException($"Expected {count} e-mails each delivered and logged once; got {smtp.Count} delivered, {smtp.DistinctMessageIds} ids, {logged} logged as sent, {attempts} attempts.");
        }
    }
}
