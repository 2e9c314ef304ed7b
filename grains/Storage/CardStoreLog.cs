using Microsoft.Extensions.Logging;

namespace Loyalty.Grains.Storage;

/// <summary>The card store's log messages.</summary>
internal static partial class CardStoreLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {BatchSize} card writes failed as a whole ({Error}); committing its halves apart")]
    public static partial void BatchSplit(ILogger logger, int batchSize, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Version conflict writing card {CardNumber}: expected version {ExpectedVersion}")]
    public static partial void VersionConflict(ILogger logger, string cardNumber, long expectedVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing card {CardNumber} failed: idempotency key {IdempotencyKey} of merchant {MerchantId} is in use")]
    public static partial void IdempotencyKeyInUse(ILogger logger, string cardNumber, string idempotencyKey, Guid merchantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing card {CardNumber} (expected version {ExpectedVersion}) failed ({Error})")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string cardNumber, long expectedVersion, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection failed while committing {Count} card writes; the pool is cleared and they are sent once more on a new connection")]
    public static partial void RetryingOnNewConnection(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Committing {Count} card writes failed; each fails, and its activation must reload its card")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count);
}
