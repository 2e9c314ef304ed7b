using Loyalty.Runtime.Activations;

namespace Loyalty.Runtime.Persistence;

/// <summary>
/// <see cref="IPersistentState{TState}"/> bound to one activation. Its awaits deliberately keep the activation's
/// scheduler, so the state is serialized and its version updated on the grain's own turn, never in parallel.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationParticipant, IPersistentStateMarker
    where TState : class, new()
{
    private static readonly StateTable? Table = StateTable.Of(typeof(TState));
    private static readonly byte[] NoChange = "{}"u8.ToArray();
    private readonly ActivationData _activation;
    private readonly GrainStateKey _key;
    private TState _state = new();
    private long _version;
    private bool _recordExists;
    private Task? _plainWrite;

    // Stored as changes since a snapshot (StateTable.SnapshotTable): the state as stored, which the next change is
    // taken from (an immutable state: usually the very object in _state), and the bytes of changes stored since the snapshot.
    private TState? _stored;
    private int _changeBytes;

    // Coalescing (see CoalesceStateWritesAttribute): changes made while a write is in flight join the next one.
    private bool _dirty;
    private List<StorageRow>? _pendingRows;
    private TaskCompletionSource? _nextFlush;
    private Task? _flushLoop;
    private Exception? _failure;

    public PersistentState(ActivationData activation, string stateName)
    {
        _activation = activation;
        _key = new GrainStateKey(activation.GrainId, stateName) { Table = Table };
        if (Table?.SnapshotTable is not null)
        {
            StateChanges.EnsureImmutable(typeof(TState), activation.Runtime.Serializer.Options);
        }
    }

    public TState State
    {
        get => _state;
        set => _state = value ?? throw new ArgumentNullException(nameof(value));
    }

    public long Version => _version;

    public string? Etag => _version == 0 ? null : _version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool RecordExists => _recordExists;

    public async Task ReadStateAsync()
    {
        var stored = await _activation.Runtime.StateStore.ReadAsync(_key);
        _state = stored.Payload is null ? new TState() : _activation.Runtime.Serializer.Deserialize<TState>(stored.Payload);
        _version = stored.Version;
        _recordExists = stored.Payload is not null;
        _stored = Table?.SnapshotTable is not null && stored.Payload is not null ? _state : null;
        _changeBytes = stored.ChangeBytes;
    }

    public Task WriteStateAsync() => WriteStateAsync([]);

    public Task WriteStateAsync(IReadOnlyList<StorageRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_failure is not null)
        {
            return Task.FromException(_failure);
        }

        return _activation.ClassInfo.CoalescesStateWrites ? CoalescedWriteAsync(rows) : PlainWriteAsync(clear: false, rows);
    }

    public async Task ClearStateAsync()
    {
        await FlushAsync();
        if (_failure is not null)
        {
            throw _failure;
        }

        await PlainWriteAsync(clear: true, []);
        _state = new TState();
    }

    public async Task WhenWrittenAsync()
    {
        // Staged changes (the next write) include everything asked for so far; else the write in flight, if any.
        var pending = _nextFlush?.Task ?? (_flushLoop is { IsCompleted: false } loop ? loop : null) ?? (_plainWrite is { IsCompleted: false } write ? write : null);
        if (pending is not null)
        {
            // As a coalesced write does: while this call waits, the next queued call may run.
            if (_activation.ClassInfo.CoalescesStateWrites && _activation.CurrentMessage is { } message)
            {
                _activation.ReleaseTurn(message);
            }

            await pending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);
        }

        if (_failure is not null)
        {
            throw _failure;
        }
    }

    Task IActivationParticipant.OnActivateAsync() => ReadStateAsync();

    Task IActivationParticipant.OnDeactivateAsync() => FlushAsync();

    private async Task PlainWriteAsync(bool clear, IReadOnlyList<StorageRow> rows)
    {
        // A reentrant grain may write while an earlier write is in flight: writes of one state go one at a time,
        // each with the state as it is when its turn comes.
        while (_plainWrite is { IsCompleted: false } previous)
        {
            await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);
        }

        // The write waited for failed: this state no longer matches storage, so nothing more may be written from it.
        if (_failure is not null)
        {
            throw _failure;
        }

        var write = clear ? CommitAsync(null, null, rows) : CommitAsync(Encode(_state), ColumnsOf(_state), rows);
        _plainWrite = write;
        await write;
        _recordExists = !clear;
    }

    private Task CoalescedWriteAsync(IReadOnlyList<StorageRow> rows)
    {
        _dirty = true;
        foreach (var row in rows)
        {
            StageRow(row);
        }

        var flush = _nextFlush ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_flushLoop is null || _flushLoop.IsCompleted)
        {
            _flushLoop = FlushLoopAsync();
        }

        if (_activation.CurrentMessage is { } message)
        {
            _activation.ReleaseTurn(message);
        }

        return flush.Task;
    }

    /// <summary>
    /// Adds a row to the next coalesced write. A later upsert of the same row replaces the earlier one: PostgreSQL
    /// refuses to update one row twice in a statement, and only the last version matters.
    /// </summary>
    private void StageRow(StorageRow row)
    {
        var pending = _pendingRows ??= [];
        if (row.ConflictColumns is not null)
        {
            pending.RemoveAll(staged => staged.IsSameRowAs(row));
        }

        pending.Add(row);
    }

    private async Task FlushLoopAsync()
    {
        while (_dirty)
        {
            _dirty = false;
            var rows = (IReadOnlyList<StorageRow>?)_pendingRows ?? [];
            var flush = _nextFlush!;
            _pendingRows = null;
            _nextFlush = null;
            try
            {
                // Inside the try: a state that cannot be serialized fails the calls waiting for it, as a failed write does.
                Encoded encoded;
                IReadOnlyList<KeyValuePair<string, object?>>? columns;
                try
                {
                    encoded = Encode(_state);
                    columns = ColumnsOf(_state);
                }
                catch (Exception exception)
                {
                    Fail(exception, DeactivationReason.StorageFailure);
                    throw;
                }

                await CommitAsync(encoded, columns, rows);
                _recordExists = true;
                flush.TrySetResult();
            }
#pragma warning disable CA1031 // Every failure is handed to the callers whose changes the write held.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                flush.TrySetException(exception);

                // Whatever changed in memory since this snapshot was built on top of it: it cannot commit either.
                _nextFlush?.TrySetException(exception);
                _nextFlush = null;
                _pendingRows = null;
                _dirty = false;
                return;
            }
        }
    }

    private async Task FlushAsync()
    {
        if (_flushLoop is { IsCompleted: false } loop)
        {
            await loop;
        }

        if (_plainWrite is { IsCompleted: false } write)
        {
            await write;
        }
    }

    /// <summary>
    /// What a write of <paramref name="state"/> stores: the whole state, or, for a state stored as changes since a
    /// snapshot, what changed since the stored state while the changes stay within their bound.
    /// </summary>
    private Encoded Encode(TState state)
    {
        if (Table?.SnapshotTable is null || _stored is null)
        {
            return new Encoded(state, _activation.Runtime.Serializer.Serialize(state), null);
        }

        var change = StateChanges.Diff(_stored, state, _activation.Runtime.Serializer.Options) ?? NoChange;
        return _changeBytes + change.Length + 1 > Table.MaxChangeBytes
            ? new Encoded(state, _activation.Runtime.Serializer.Serialize(state), null)
            : new Encoded(state, null, change);
    }

    // Taken with the payload, from the same state, so a state table's derived columns always describe the stored state.
    private static IReadOnlyList<KeyValuePair<string, object?>>? ColumnsOf(TState state) =>
        Table is not null && state is IStateColumns derived ? derived.StateColumns() : null;

    private async Task CommitAsync(Encoded? encoded, IReadOnlyList<KeyValuePair<string, object?>>? columns, IReadOnlyList<StorageRow> rows)
    {
        try
        {
            _version = await _activation.Runtime.StateStore.WriteAsync(new StateWrite(_key, encoded?.Payload, _version, rows, columns, encoded?.Change));
            if (Table?.SnapshotTable is not null)
            {
                _stored = encoded?.State;
                _changeBytes = encoded?.Change is { } change ? _changeBytes + change.Length + 1 : 0;
            }
        }
        catch (Exception exception)
        {
            Fail(exception, exception is InconsistentStateException ? DeactivationReason.InconsistentState : DeactivationReason.StorageFailure);
            throw;
        }
    }

    // The in-memory state no longer matches what is stored, or what callers were told: drop the activation.
    private void Fail(Exception exception, DeactivationReason reason)
    {
        _failure = exception;
        _activation.RequestDeactivation(reason, drainFirst: false);
    }

    /// <summary>One write's content: the whole state (<paramref name="Payload"/>) or what changed (<paramref name="Change"/>).</summary>
    private sealed record Encoded(TState State, byte[]? Payload, byte[]? Change);
}
