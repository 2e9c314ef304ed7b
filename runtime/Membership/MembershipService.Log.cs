using Microsoft.Extensions.Logging;

namespace Loyalty.Runtime.Membership;

internal sealed partial class MembershipService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} joining as {SiloId}, generation {Generation}")]
    private static partial void LogJoining(ILogger logger, string silo, Guid siloId, long generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} ({SiloId}) is active, taking cluster calls at {Address}")]
    private static partial void LogActive(ILogger logger, string silo, Guid siloId, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} is shutting down")]
    private static partial void LogShuttingDown(ILogger logger, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} ({SiloId}) left the cluster")]
    private static partial void LogLeft(ILogger logger, string silo, Guid siloId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing membership status {Status} failed")]
    private static partial void LogStatusWriteFailed(ILogger logger, Exception exception, SiloStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failure detection or clean-up failed; trying again at the next heartbeat")]
    private static partial void LogMonitorFailed(ILogger logger, Exception exception);


    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} declared silo {Suspect} ({SuspectId}) dead: last heartbeat at {HeartbeatAt}, {Age} ago")]
    private static partial void LogDeclaredDead(ILogger logger, string silo, string suspect, Guid suspectId, DateTimeOffset heartbeatAt, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Silo {Suspect} ({SuspectId}) was not declared dead here: it heartbeated, changed, or another silo declared it first")]
    private static partial void LogDeclarationLost(ILogger logger, string suspect, Guid suspectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} dead silo rows older than {Retention}")]
    private static partial void LogCleanedUp(ILogger logger, int count, TimeSpan retention);


    [LoggerMessage(Level = LogLevel.Error, Message = "Silo {Silo} ({SiloId}) was declared dead by {DeclaredBy} at {DeclaredAt}: stopping")]
    private static partial void LogFoundDead(ILogger logger, string silo, Guid siloId, string declaredBy, DateTimeOffset? declaredAt);
}
