using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Loyalty.Testing.Smtp;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port of this process: it accepts, refuses (554) or stalls
/// messages as told, can be stopped and started again on the same port (a server that is down, then back), and keeps
/// what it accepted.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string RefusalText = "5.7.1 Message rejected by test policy";

    private readonly ConcurrentQueue<byte[]> _received = new();
    private readonly Store _store;
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private CancellationTokenSource? _stop;

    private TestSmtpServer(int port)
    {
        Port = port;
        _store = new Store(this);
    }

    public int Port { get; }

    public SmtpBehaviour Behaviour { get; set; } = SmtpBehaviour.Accept;

    /// <summary>How many messages reached the data stage while stalled (and are being held).</summary>
    public int StalledCount => _store.Stalled;

    /// <summary>How many messages were accepted.</summary>
    public int ReceivedCount => _received.Count;

    /// <summary>The accepted messages, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _received.Select(bytes => MimeMessage.Load(new MemoryStream(bytes)))];

    /// <summary>A server on a free loopback port, started.</summary>
    public static TestSmtpServer Start()
    {
        var server = Stopped();
        server.Resume();
        return server;
    }

    /// <summary>A free loopback port with nothing listening yet: a server that is down until <see cref="Resume"/>.</summary>
    public static TestSmtpServer Stopped()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new TestSmtpServer(port);
    }

    public void Resume()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("test-smtp")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(_store);
        _stop = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    /// <summary>Stops listening and drops open sessions.</summary>
    public async Task PauseAsync()
    {
        if (_server is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _server = null;
    }

    /// <summary>Lets every stalled message be accepted.</summary>
    public void ReleaseStalled() => _store.Release(accept: true);

    /// <summary>
    /// Answers every stalled message with 451 and keeps none: what a server does with data whose client vanished before
    /// its final reply. (Keeping it instead is SMTP's own duplicate window, ADR 0023.)
    /// </summary>
    public void AbortStalled() => _store.Release(accept: false);

    public async ValueTask DisposeAsync()
    {
        _store.Release(accept: false);
        await PauseAsync();
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        private readonly TaskCompletionSource<bool> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _stalled;

        public int Stalled => Volatile.Read(ref _stalled);

        public void Release(bool accept) => _release.TrySetResult(accept);

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            switch (server.Behaviour)
            {
                case SmtpBehaviour.Refuse:
                    return new SmtpResponse(SmtpReplyCode.TransactionFailed, RefusalText);
                case SmtpBehaviour.Stall:
                    Interlocked.Increment(ref _stalled);
                    if (!await _release.Task.WaitAsync(cancellationToken))
                    {
                        return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "4.4.2 Connection lost before the reply");
                    }

                    break;
            }

            server._received.Enqueue(buffer.ToArray());
            return SmtpResponse.Ok;
        }
    }
}
