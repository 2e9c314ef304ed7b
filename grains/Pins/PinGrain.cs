using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Pins;
using Loyalty.Grains.Audit;
using Loyalty.Grains.ReadModels;
using Loyalty.Grains.Storage;

namespace Loyalty.Grains.Pins;

/// <summary>
/// A staff PIN. A verification holds the grain's turn from the lock check through the bcrypt comparison to the
/// recorded failure, on purpose: were verifications interleaved, many parallel guesses could all pass the lock
/// check before the first failure was counted. The bcrypt work itself runs on the thread pool (Task.Run) so this
/// activation's scheduler thread is not the one blocked; one PIN thus takes about ten verifications a second,
/// far more than a till ever needs, and a locked PIN is refused without any bcrypt work.
///
/// The lockout policy belongs to the merchant. The grain asks the merchant grain when the PIN is created, when it
/// activates, and before a check once its copy is <see cref="PolicyRefreshInterval"/> old: a merchant's change reaches
/// every PIN within that interval, at the cost of at most one in-memory merchant call per PIN per interval.
/// </summary>
[GrainType("pin")]
public sealed class PinGrain([PersistentState("pin")] IPersistentState<PinState> state, RowWriter rows, TimeProvider time) : Grain, IPinGrain
{
    public static readonly TimeSpan PolicyRefreshInterval = TimeSpan.FromMinutes(1);

    private DateTimeOffset _policyReadAt = DateTimeOffset.MinValue;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Exists)
        {
            await GrainReadModel.RepairAsync(this, rows, PinRows.StaffPin(this.GetPrimaryKey(), state.State), cancellationToken);
            await RefreshPolicyAsync();
        }
    }

    public async Task<PinDetails> CreateAsync(CreatePinCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state.State.Exists)
            return ToDetails(state.State);
        if (PinFormat.Validate(command.Pin) is { } problem)
            throw new ArgumentException(problem, nameof(command));
        var policy = await ReadPolicyAsync(command.MerchantId);
        var hash = await Task.Run(() => PinHasher.Hash(command.Pin));
        var now = time.GetUtcNow();
        state.State = new PinState
        {
            StoreId = command.StoreId,
            MerchantId = command.MerchantId,
            Name = command.Name,
            PinHash = hash,
            Digits = command.Pin.Length,
            CreatedAt = now,
            Attempts = new PinAttemptState { Policy = policy },
        };

        // Name and store only: the PIN and its hash never go to the audit log.
        var pinId = this.GetPrimaryKey();
        var audit = new AuditEntry(command.MerchantId, command.Actor, AuditActions.PinCreated, AuditSubjects.Pin, pinId.ToString("D"), now)
        {
            Details = new Dictionary<string, object?> { ["name"] = command.Name, ["storeId"] = command.StoreId },
        };
        await state.WriteStateAsync();
        await GrainReadModel.WriteAsync(this, rows, [PinRows.StaffPin(pinId, state.State), audit.ToStorageRow()]);
        return ToDetails(state.State);
    }

    public async Task<PinDetails?> ChangeAsync(Guid storeId, string pin, string actor)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(actor);
        if (Refusal(storeId) is not null)
            return null;
        if (PinFormat.Validate(pin) is { } problem)
            throw new ArgumentException(problem, nameof(pin));
        var hash = await Task.Run(() => PinHasher.Hash(pin));
        var now = time.GetUtcNow();
        var current = state.State;
        var next = current with { PinHash = hash, Digits = pin.Length, Attempts = current.Attempts.RecordSuccess() };
        var audit = new AuditEntry(current.MerchantId, actor, AuditActions.PinChanged, AuditSubjects.Pin, this.GetPrimaryKey().ToString("D"), now)
        {
            Details = new Dictionary<string, object?> { ["name"] = current.Name, ["storeId"] = current.StoreId },
        };
        state.State = next;
        await state.WriteStateAsync();
        await GrainReadModel.WriteAsync(this, rows, [PinRows.StaffPin(this.GetPrimaryKey(), next), audit.ToStorageRow()]);
        return ToDetails(next);
    }

    public async Task<PinDetails?> UnlockAsync(Guid storeId, string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Refusal(storeId) is not null)
            return null;
        var now = time.GetUtcNow();
        var current = state.State;
        var failures = current.Attempts.ConsecutiveFailuresAt(now);
        var locked = current.Attempts.IsLocked(now);
        if (failures == 0 && !locked)
            return ToDetails(current);

        var next = current with { Attempts = current.Attempts.RecordSuccess() };
        var audit = new AuditEntry(current.MerchantId, actor, AuditActions.PinUnlocked, AuditSubjects.Pin, this.GetPrimaryKey().ToString("D"), now)
        {
            Details = new Dictionary<string, object?>
            {
                ["name"] = current.Name,
                ["storeId"] = current.StoreId,
                ["failedAttempts"] = failures,
                ["lockedUntil"] = locked ? current.Attempts.LockedUntil : null,
            },
        };
        state.State = next;
        await state.WriteStateAsync();
        await GrainReadModel.WriteAsync(this, rows, [PinRows.StaffPin(this.GetPrimaryKey(), next), audit.ToStorageRow()]);
        return ToDetails(next);
    }

    public Task<PinDetails?> GetAsync() =>
        Task.FromResult(state.State.Exists ? ToDetails(state.State) : null);

    public async Task<PinVerification> VerifyAsync(Guid storeId, string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (Refusal(storeId) is { } refusal)
            return refusal;
        await RefreshStalePolicyAsync();
        var attempts = state.State.Attempts;
        if (attempts.IsLocked(time.GetUtcNow()))
            return Answer(attempts, PinVerificationOutcome.Locked);

        var hash = state.State.PinHash;
        var valid = PinFormat.IsValid(pin) && await Task.Run(() => PinHasher.Verify(pin, hash));

        // Taken after the comparison: the lock starts when the failure is known.
        var now = time.GetUtcNow();
        if (valid)
        {
            if (attempts.ConsecutiveFailures > 0 || attempts.LockedUntil is not null)
                await SaveAsync(state.State with { Attempts = attempts.RecordSuccess() });
            return new PinVerification(PinVerificationOutcome.Valid, attempts.Policy.MaxConsecutiveFailures, null);
        }

        var failed = attempts.RecordFailure(now);
        await SaveAsync(state.State with { Attempts = failed });
        return Answer(failed, failed.IsLocked(now) ? PinVerificationOutcome.Locked : PinVerificationOutcome.Invalid);
    }

    public async Task<PinVerification> RecordOfflineFailuresAsync(Guid storeId, int count, DateTimeOffset lastAttemptAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 100);
        if (Refusal(storeId) is { } refusal)
            return refusal;
        await RefreshStalePolicyAsync();
        var now = time.GetUtcNow();
        var attempts = state.State.Attempts.RecordFailures(count, lastAttemptAt, now);
        if (attempts != state.State.Attempts)
            await SaveAsync(state.State with { Attempts = attempts });
        return Answer(attempts, attempts.IsLocked(now) ? PinVerificationOutcome.Locked : PinVerificationOutcome.Recorded);
    }

    private Task RefreshStalePolicyAsync() =>
        time.GetUtcNow() - _policyReadAt >= PolicyRefreshInterval ? RefreshPolicyAsync() : Task.CompletedTask;

    // Kept in memory only: the count and lock it governs are persisted with the next failure, and every activation reads
    // the policy afresh, so there is nothing to write just because the merchant changed it.
    private async Task RefreshPolicyAsync()
    {
        var policy = await ReadPolicyAsync(state.State.MerchantId);
        if (policy != state.State.Attempts.Policy)
            state.State = state.State with { Attempts = state.State.Attempts with { Policy = policy } };
    }

    private async Task<PinLockoutPolicy> ReadPolicyAsync(Guid merchantId)
    {
        var settings = await GrainFactory.GetGrain<IMerchantGrain>(merchantId).GetPinLockoutAsync();
        _policyReadAt = time.GetUtcNow();
        return ToPolicy(settings);
    }

    private PinVerification? Refusal(Guid storeId) =>
        !state.State.Exists ? PinVerification.NotFound
        : state.State.StoreId != storeId ? PinVerification.Forbidden
        : null;

    private PinVerification Answer(PinAttemptState attempts, PinVerificationOutcome outcome)
    {
        var now = time.GetUtcNow();
        return new PinVerification(outcome, attempts.AttemptsRemaining(now), attempts.IsLocked(now) ? attempts.LockedUntil : null);
    }

    private Task SaveAsync(PinState next)
    {
        state.State = next;
        return SaveAsync();
    }

    // The staff_pins row is the store's staff list for terminals; it commits with the state, so a listed lock is never stale.
    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        await GrainReadModel.WriteAsync(this, rows, [PinRows.StaffPin(this.GetPrimaryKey(), state.State)]);
    }

    private PinDetails ToDetails(PinState pin)
    {
        var now = time.GetUtcNow();
        return new PinDetails(
            this.GetPrimaryKey(), pin.StoreId, pin.MerchantId, pin.Name, pin.PinHash,
            pin.Attempts.IsLocked(now) ? pin.Attempts.LockedUntil : null, pin.CreatedAt)
        {
            FailedAttempts = pin.Attempts.ConsecutiveFailuresAt(now),
        };
    }

    private static PinLockoutPolicy ToPolicy(PinLockoutSettings settings)
    {
        var policy = new PinLockoutPolicy(settings.MaxConsecutiveFailures, settings.LockDuration);
        var errors = policy.Validate();
        return errors.IsEmpty
            ? policy
            : throw new ArgumentException(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)), nameof(settings));
    }
}
