using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Diagnostics;

/// <summary>
/// The failures in a row of one recurring operation (a heartbeat, a poll, a reconnect): the first is logged with its
/// exception, each later one of the same streak as one line with the error's message, and the streak's end once, with
/// how long it lasted. While the database is down, the log says so every few seconds without repeating the same stack
/// trace. For one caller at a time (the loop that runs the operation).
/// </summary>
internal sealed partial class FailureStreak(string operation, TimeProvider time, ILogger logger)
{
    private int _failures;
    private DateTimeOffset _since;

    /// <summary>Failures since the last success.</summary>
    public int Failures => _failures;

    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (_failures++ == 0)
        {
            _since = time.GetUtcNow();
            LogFailed(logger, exception, operation);
        }
        else
        {
            LogFailedAgain(logger, operation, _failures, _since, exception.GetType().Name, exception.Message);
        }
    }

    public void Succeeded()
    {
        if (_failures == 0)
        {
            return;
        }

        LogRecovered(logger, operation, _failures, time.GetUtcNow() - _since);
        _failures = 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} failed again ({Failures} in a row since {Since:O}): {ErrorType}: {Error}")]
    private static partial void LogFailedAgain(ILogger logger, string operation, int failures, DateTimeOffset since, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation} works again, after {Failures} failures over {Duration}")]
    private static partial void LogRecovered(ILogger logger, string operation, int failures, TimeSpan duration);
}
