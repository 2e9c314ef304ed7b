using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// Concurrent terminals stamping random cards, each stamp with its own idempotency key. A stamp that fails as a
/// terminal would retry it (no answer, 408, 429, 5xx) is sent again with the same key until it is acknowledged or
/// <c>giveUpAfter</c> passes, as the terminal client's offline queue does. Every outcome is recorded.
/// </summary>
internal sealed class StampLoad(HttpClient device, IReadOnlyList<string> cards, Guid pinId, TimeSpan giveUpAfter)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Acknowledgement> _acknowledged = new();
    private readonly ConcurrentQueue<string> _refused = new();
    private readonly ConcurrentQueue<string> _abandoned = new();
    private readonly ConcurrentDictionary<string, int> _retries = new(StringComparer.Ordinal);
    private long _slowestAttemptTicks;

    /// <summary>Time since the load was created: the timeline every recorded time is on.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyCollection<Acknowledgement> Acknowledged => _acknowledged;

    /// <summary>Stamps answered with a status a terminal would not retry (a bug here): key, status and body.</summary>
    public IReadOnlyCollection<string> Refused => _refused;

    /// <summary>Stamps still unacknowledged when retrying gave up.</summary>
    public IReadOnlyCollection<string> Abandoned => _abandoned;

    /// <summary>Retried attempts by reason (status code or exception type).</summary>
    public IReadOnlyDictionary<string, int> Retries => _retries;

    /// <summary>
    /// The longest any one request took to be answered (acknowledged or not): a call that was in flight to the killed
    /// silo waits for Orleans' response timeout before the frontend answers 503.
    /// </summary>
    public TimeSpan SlowestAttempt => TimeSpan.FromTicks(Interlocked.Read(ref _slowestAttemptTicks));

    /// <summary>Runs <paramref name="workers"/> terminals until <paramref name="stop"/>; each finishes the stamp it is sending.</summary>
    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var card = cards[Random.Shared.Next(cards.Count)];
                await StampUntilAcknowledgedAsync(card, $"w{worker}-{i}");
            }
        })));

    private async Task StampUntilAcknowledgedAsync(string card, string key)
    {
        var giveUpAt = _clock.Elapsed + giveUpAfter;
        for (var attempt = 1; ; attempt++)
        {
            var started = _clock.Elapsed;
            string reason;
            try
            {
                using var response = await device.PostAsJsonAsync(
                    $"{StampTerminal.TerminalApi}/cards/{card}/stamps", new { count = 1, pinId, idempotencyKey = key });
                RecordAttempt(_clock.Elapsed - started);
                var status = (int)response.StatusCode;
                if (status is >= 200 and < 300)
                {
                    _acknowledged.Enqueue(new Acknowledgement(card, key, started, _clock.Elapsed, attempt));
                    return;
                }

                if (status is not (408 or 429 or >= 500))
                {
                    _refused.Enqueue($"{key} on {card}: {status} {await response.Content.ReadAsStringAsync()}");
                    return;
                }

                reason = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                RecordAttempt(_clock.Elapsed - started);
                reason = exception.GetType().Name;
            }

            _retries.AddOrUpdate(reason, 1, (_, n) => n + 1);
            if (_clock.Elapsed > giveUpAt)
            {
                _abandoned.Enqueue($"{key} on {card}: {attempt} attempts, last {reason}");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 50 * attempt)));
        }
    }

    private void RecordAttempt(TimeSpan duration)
    {
        var seen = Interlocked.Read(ref _slowestAttemptTicks);
        while (duration.Ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref _slowestAttemptTicks, duration.Ticks, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}

/// <summary>A stamp the API acknowledged (2xx): which attempt, sent and answered when on the load's timeline.</summary>
internal sealed record Acknowledgement(string Card, string Key, TimeSpan Sent, TimeSpan Answered, int Attempt);
