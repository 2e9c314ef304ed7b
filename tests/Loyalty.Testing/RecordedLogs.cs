using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Loyalty.Testing;

/// <summary>
/// A logger provider that keeps what the loggers of some categories write, so a test can tell that a path it cannot
/// force was taken (add it to a host with <c>Logging.AddProvider</c>).
/// </summary>
public sealed class RecordedLogs(params string[] categories) : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _entries = new();

    public IReadOnlyCollection<RecordedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) =>
        categories.Length == 0 || categories.Contains(categoryName, StringComparer.Ordinal) ? new Recorder(this, categoryName) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner._entries.Enqueue(new RecordedLog(category, logLevel, eventId, formatter(state, exception), exception));
        }
    }
}

/// <summary>One message a <see cref="RecordedLogs"/> kept.</summary>
public sealed record RecordedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);
