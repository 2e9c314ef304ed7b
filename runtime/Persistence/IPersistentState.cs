namespace Loyalty.Runtime.Persistence;

/// <summary>
/// A grain's durable state, injected as a constructor parameter marked <see cref="PersistentStateAttribute"/>.
/// It is loaded before <c>OnActivateAsync</c>; every write is conditional on the version this activation read,
/// so a stale activation can never overwrite newer state (it fails with <see cref="InconsistentStateException"/>
/// and is deactivated).
/// </summary>
public interface IPersistentState<TState>
    where TState : class, new()
{
    /// <summary>The state as this activation sees it; a new <typeparamref name="TState"/> when none is stored.</summary>
    TState State { get; set; }

    /// <summary>The stored version this activation's next write is conditional on (0: nothing stored yet).</summary>
    long Version { get; }

    /// <summary><see cref="Version"/> as a string, for code that expects an ETag.</summary>
    string? Etag { get; }

    /// <summary>Whether a state is stored (false before the first write and after a clear).</summary>
    bool RecordExists { get; }

    /// <summary>Reloads the state from storage, dropping unsaved changes.</summary>
    Task ReadStateAsync();

    /// <summary>Writes the state; completes once it has committed.</summary>
    Task WriteStateAsync();

    /// <summary>
    /// Writes the state and commits <paramref name="rows"/> (ledger entries, read-model rows, outbox messages)
    /// atomically with it: all of them or none.
    /// </summary>
    Task WriteStateAsync(IReadOnlyList<StorageRow> rows);

    /// <summary>Clears the state (its version keeps counting, so versions are never reused).</summary>
    Task ClearStateAsync();

    /// <summary>
    /// Completes once every write already asked for has committed, and fails if one of them failed; writes nothing
    /// itself. A coalescing grain answering from storage what an earlier call staged (a retry reading the first answer)
    /// waits with this instead of writing its unchanged state again.
    /// </summary>
    Task WhenWrittenAsync();
}
