using System.Text.Json;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Audit;

/// <summary>
/// One row of <c>audit_log</c>. Grains add <see cref="ToStorageRow"/> to the write that makes the change, so the
/// change and its audit entry commit together or not at all.
/// </summary>
public sealed record AuditEntry(
    Guid? MerchantId,
    string Actor,
    string Action,
    string SubjectType,
    string SubjectId,
    DateTimeOffset OccurredAt)
{
    public const string Table = "audit_log";

    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    /// <summary>What changed, as a JSON object (names and values an admin recognises, never secrets such as PINs).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();

    public StorageRow ToStorageRow() => StorageRow.Insert(
        Table,
        new("merchant_id", TypedNull.Of(MerchantId)),
        new("actor", Actor),
        new("action", Action),
        new("subject_type", SubjectType),
        new("subject_id", SubjectId),
        new("details", new JsonbValue(JsonSerializer.Serialize(Details, DetailsJson))),
        new("occurred_at", OccurredAt));
}
