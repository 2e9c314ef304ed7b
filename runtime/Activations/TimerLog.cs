using Loyalty.Runtime.Core;
using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Activations;

internal static partial class TimerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "A timer tick of {GrainId} failed; the timer keeps running")]
    public static partial void TickFailed(ILogger logger, Exception exception, GrainId grainId);
}
