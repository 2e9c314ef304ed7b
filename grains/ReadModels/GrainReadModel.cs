using Loyalty.Grains.Storage;

namespace Loyalty.Grains.ReadModels;

/// <summary>
/// How a simple grain (merchant, store, program, PIN, device) keeps its read-model row and audit trail: Orleans' storage
/// commits the state first, then the rows derived from it commit in one transaction of their own (ADR 0016). The state
/// is the truth. Should the second step fail, the call fails, the activation is dropped, and the next activation
/// writes the read-model row again from the state, so a list never stays behind its grains.
/// </summary>
internal static class GrainReadModel
{
    public static async Task WriteAsync(Grain grain, RowWriter rows, IReadOnlyList<StorageRow> projection)
    {
        try
        {
            await rows.WriteAsync(projection, CancellationToken.None);
        }
        catch
        {
            grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Its read model could not be written; the next activation repairs it."));
            throw;
        }
    }

    /// <summary>On activation: the read-model row as the state says it is (an upsert, so usually a no-op rewrite).</summary>
    public static Task RepairAsync(Grain grain, RowWriter rows, StorageRow readModel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return rows.WriteAsync([readModel], cancellationToken);
    }
}
