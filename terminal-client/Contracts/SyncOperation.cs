namespace Loyalty.TerminalClient.Contracts;

/// <summary>
/// One operation of <c>POST /sync</c>: its <see cref="Kind"/>, its place in the device's sequence, and the fields of
/// that operation's single endpoint. The offline queue stores operations in this shape, so what it persisted is what
/// it sends. Build one with <see cref="Enrollment"/>, <see cref="Stamp"/>, <see cref="StampRedemption"/>,
/// <see cref="Points"/> or <see cref="PointRedemption"/>.
/// </summary>
public sealed record SyncOperation
{
    /// <summary>One of <see cref="SyncOperationKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The device's strictly increasing sequence number; the server applies a batch in this order.</summary>
    public long DeviceSeq { get; init; }

    /// <summary>1 to 128 characters, unique per merchant. Empty until the queue assigns one, if the caller gave none.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The staff PIN that authorised the operation.</summary>
    public required Guid PinId { get; init; }

    /// <summary>When the tablet performed the operation.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The card (all kinds but enrolment).</summary>
    public string? CardNumber { get; init; }

    /// <summary>Stamps to add (<c>stamp</c>).</summary>
    public int? Count { get; init; }

    /// <summary>Purchase in minor units (<c>points</c>).</summary>
    public long? PurchaseAmountMinor { get; init; }

    /// <summary>ISO 4217 code (<c>points</c>).</summary>
    public string? Currency { get; init; }

    /// <summary>The catalogue reward (<c>pointRedemption</c>).</summary>
    public string? RewardId { get; init; }

    /// <summary>The program (<c>enrollment</c>).</summary>
    public Guid? ProgramId { get; init; }

    /// <summary>The customer's e-mail (<c>enrollment</c>).</summary>
    public string? Email { get; init; }

    /// <summary>The customer's name (<c>enrollment</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The customer's phone (<c>enrollment</c>, optional).</summary>
    public string? Phone { get; init; }

    /// <summary>The customer's birthday (<c>enrollment</c>, optional).</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>The customer's locale (<c>enrollment</c>, optional).</summary>
    public string? Locale { get; init; }

    /// <summary>An enrolment.</summary>
    /// <param name="customer">The customer fields.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/> for the queue to generate one.</param>
    public static SyncOperation Enrollment(NewCustomer customer, Guid pinId, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new()
        {
            Kind = SyncOperationKinds.Enrollment,
            PinId = pinId,
            IdempotencyKey = idempotencyKey ?? string.Empty,
            ProgramId = customer.ProgramId,
            Email = customer.Email,
            Name = customer.Name,
            Phone = customer.Phone,
            Birthday = customer.Birthday,
            Locale = customer.Locale,
        };
    }

    /// <summary>Stamps on a card.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="count">1 to 10 stamps.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/> for the queue to generate one.</param>
    public static SyncOperation Stamp(string cardNumber, int count, Guid pinId, string? idempotencyKey = null) =>
        new() { Kind = SyncOperationKinds.Stamp, CardNumber = cardNumber, Count = count, PinId = pinId, IdempotencyKey = idempotencyKey ?? string.Empty };

    /// <summary>A stamp reward redemption.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/> for the queue to generate one.</param>
    public static SyncOperation StampRedemption(string cardNumber, Guid pinId, string? idempotencyKey = null) =>
        new() { Kind = SyncOperationKinds.StampRedemption, CardNumber = cardNumber, PinId = pinId, IdempotencyKey = idempotencyKey ?? string.Empty };

    /// <summary>Points for a purchase.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="purchaseAmountMinor">The purchase in minor units.</param>
    /// <param name="currency">ISO 4217 code.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/> for the queue to generate one.</param>
    public static SyncOperation Points(string cardNumber, long purchaseAmountMinor, string currency, Guid pinId, string? idempotencyKey = null) => new()
    {
        Kind = SyncOperationKinds.Points,
        CardNumber = cardNumber,
        PurchaseAmountMinor = purchaseAmountMinor,
        Currency = currency,
        PinId = pinId,
        IdempotencyKey = idempotencyKey ?? string.Empty,
    };

    /// <summary>A points reward redemption.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="rewardId">The catalogue reward.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="idempotencyKey">The key, or <see langword="null"/> for the queue to generate one.</param>
    public static SyncOperation PointRedemption(string cardNumber, string rewardId, Guid pinId, string? idempotencyKey = null) =>
        new() { Kind = SyncOperationKinds.PointRedemption, CardNumber = cardNumber, RewardId = rewardId, PinId = pinId, IdempotencyKey = idempotencyKey ?? string.Empty };
}
