using System.Globalization;
using Loyalty.Testing;
using Loyalty.Testing.Email;
using Loyalty.Testing.Smtp;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// The e-mail dispatcher across real silo processes: the silo sending a message is killed (SIGKILL) mid-send, and the
/// other silo delivers it once its lease has run out (ADR 0023).
/// </summary>
[Collection(ProcessTestCollection.Name)]
public sealed class EmailDispatcherKillTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task SiloKilledMidSend_TheOtherSiloDeliversTheMessageOnce_AfterTheLease()
    {
        await using var smtp = TestSmtpServer.Start();
        smtp.Behaviour = SmtpBehaviour.Stall;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Loyalty__Email__Smtp__Host"] = "127.0.0.1",
            ["Loyalty__Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Loyalty__Email__Smtp__Security"] = "None",
            ["Loyalty__Email__From"] = "shop@loyalty.example",
            ["Loyalty__Email__Dispatch__PollInterval"] = "00:00:00.100",
            ["Loyalty__Email__Dispatch__Lease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
            ["Loyalty__Email__Dispatch__SendTimeout"] = "00:00:05",
        };
        await using var cluster = await ProcessCluster.StartAsync(environment, "silo1", "silo2");
        var database = EmailDatabase.Of(cluster.ConnectionString);
        var merchant = await database.AddMerchantAsync();
        var (_, messageId) = await database.EnrolAsync(merchant, "Emma Schmit", "emma@example.com", "en");

        // One silo claimed the message and is inside the SMTP transaction (its data sent, no reply yet): kill that one.
        await Eventually.TrueAsync(() => smtp.StalledCount == 1, "a silo is sending the message", TimeSpan.FromSeconds(60));
        var owner = (string)(await database.ScalarAsync("SELECT leased_by FROM outbox WHERE id = $1", messageId))!;
        var pid = int.Parse(owner.Split('/')[1], CultureInfo.InvariantCulture);
        var sender = cluster.Silos.Single(silo => silo.Id == pid || silo.Id == ParentOf(pid));
        var survivor = cluster.Silos.Single(silo => silo != sender);
        sender.Kill();

        // The server never answered the dead client: it keeps nothing (keeping it is SMTP's own duplicate window).
        smtp.Behaviour = SmtpBehaviour.Accept;
        smtp.AbortStalled();
        await Eventually.TrueAsync(() => database.IsProcessedAsync(messageId), "the surviving silo delivered the message", TimeSpan.FromSeconds(60));

        var message = Assert.Single(smtp.Messages);
        Assert.Equal("emma@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal($"outbox-{messageId}@loyalty.example", message.MessageId);

        // The killed attempt left no log row (its process died): the attempt count shows it, and the survivor's was the second.
        var entry = Assert.Single(await database.LogAsync(messageId));
        Assert.Equal((2, "sent"), (entry.Attempt, entry.Status));
        Assert.Equal(2, (int)(await database.ScalarAsync("SELECT attempts FROM outbox WHERE id = $1", messageId))!);
        Assert.False(survivor.HasExited);
    }

    // A silo runs under a small guard shell (ChildProcess), so the dispatcher's process id is the child of the one we hold.
    private static int ParentOf(int pid) => int.Parse(
        File.ReadLines($"/proc/{pid}/status").Single(line => line.StartsWith("PPid:", StringComparison.Ordinal))["PPid:".Length..].Trim(),
        CultureInfo.InvariantCulture);
}
