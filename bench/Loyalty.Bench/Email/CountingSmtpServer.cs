using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Loyalty.Bench.Email;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port of the bench's process that accepts every message and
/// counts them and their distinct Message-Ids (a duplicate would show as fewer ids than messages).
/// </summary>
public sealed class CountingSmtpServer : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _messageIds = [];
    private readonly Task _running;
    private int _count;

    public CountingSmtpServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("bench-smtp")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(this);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public int Count => Volatile.Read(ref _count);

    public int DistinctMessageIds
    {
        get
        {
            lock (_messageIds)
            {
                return _messageIds.Count;
            }
        }
    }

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var message = MimeKit.MimeMessage.Load(new MemoryStream(buffer.ToArray()), cancellationToken);
        lock (_messageIds)
        {
            _messageIds.Add(message.MessageId ?? "");
        }

        Interlocked.Increment(ref _count);
        return Task.FromResult(SmtpResponse.Ok);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
