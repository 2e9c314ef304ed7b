using System.Globalization;
using Loyalty.TerminalClient.Contracts;

namespace Loyalty.TerminalClient;

/// <summary>
/// The terminal API v1 over HTTP. Every failure is a <see cref="TerminalApiException"/>; when it
/// <see cref="TerminalApiException.IsRetryable"/>, retry the same operation with the same idempotency key. Card
/// operations come in two forms: with the caller's key inside the request, or with a key the client generates and
/// returns in a <see cref="KeyedResult{T}"/> (and in the exception, should the call fail).
/// </summary>
/// <remarks>Thread-safe; the <see cref="HttpClient"/> may be shared, since the device token goes on each request.</remarks>
public sealed class TerminalClient
{
    private readonly TerminalHttp _http;
    private volatile string? _deviceToken;

    /// <summary>Creates a client of the frontend at <paramref name="http"/>'s <see cref="HttpClient.BaseAddress"/>.</summary>
    /// <param name="http">An HttpClient whose base address is the frontend's root URL.</param>
    /// <param name="deviceToken">The token of an already paired tablet, if any.</param>
    public TerminalClient(HttpClient http, string? deviceToken = null)
    {
        _http = new TerminalHttp(http);
        _deviceToken = deviceToken;
    }

    /// <summary>The device token sent as the bearer token; set by <see cref="PairAsync"/>.</summary>
    public string? DeviceToken
    {
        get => _deviceToken;
        set => _deviceToken = value;
    }

    /// <summary><c>POST /pair</c>: turns a pairing code into a device, and uses its token from now on.</summary>
    /// <param name="code">The 8-character pairing code.</param>
    /// <param name="deviceName">A name for this tablet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Pairing> PairAsync(string code, string deviceName, CancellationToken cancellationToken = default)
    {
        var (_, body) = await _http.SendAsync(HttpMethod.Post, "pair", new PairRequest(code, deviceName), deviceToken: null, null, cancellationToken);
        var pairing = TerminalHttp.Read<Pairing>(body);
        _deviceToken = pairing.DeviceToken;
        return pairing;
    }

    /// <summary><c>GET /staff</c>: the store's staff PINs with their bcrypt hashes, for offline checks.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<StaffPin>> GetStaffAsync(CancellationToken cancellationToken = default) =>
        TerminalHttp.Read<StaffPin[]>((await SendAsync(HttpMethod.Get, "staff", null, null, cancellationToken)).Body);

    /// <summary><c>POST /staff/{pinId}/verify</c>. A wrong PIN is a 401 <c>pin-invalid</c> exception with <see cref="TerminalProblem.AttemptsRemaining"/>; a locked one 423 <c>pin-locked</c> with <see cref="TerminalProblem.LockedUntil"/>.</summary>
    /// <param name="pinId">The staff PIN.</param>
    /// <param name="pin">The PIN as typed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<VerifyPinResult> VerifyPinAsync(Guid pinId, string pin, CancellationToken cancellationToken = default) =>
        TerminalHttp.Read<VerifyPinResult>((await SendAsync(HttpMethod.Post, $"staff/{pinId:D}/verify", new VerifyPinRequest(pin), null, cancellationToken)).Body);

    /// <summary><c>POST /staff/{pinId}/failed-attempts</c>: reports PIN failures seen offline; they count toward the lockout.</summary>
    /// <param name="pinId">The staff PIN.</param>
    /// <param name="count">1 to 100 failures.</param>
    /// <param name="lastAttemptAt">When the last failure happened (tablet time).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<FailedAttemptsResult> ReportFailedAttemptsAsync(Guid pinId, int count, DateTimeOffset lastAttemptAt, CancellationToken cancellationToken = default) =>
        TerminalHttp.Read<FailedAttemptsResult>(
            (await SendAsync(HttpMethod.Post, $"staff/{pinId:D}/failed-attempts", new FailedAttemptsRequest(count, lastAttemptAt), null, cancellationToken)).Body);

    /// <summary><c>POST /enrollments</c> with the caller's idempotency key.</summary>
    /// <param name="request">The enrolment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<EnrollmentResult> EnrollAsync(EnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (status, body) = await SendAsync(HttpMethod.Post, "enrollments", request, Key(request.IdempotencyKey), cancellationToken);
        return new EnrollmentResult(TerminalHttp.Read<Card>(body), Created: status == 201);
    }

    /// <summary><c>POST /enrollments</c> with a generated idempotency key.</summary>
    /// <param name="customer">The customer fields.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<KeyedResult<EnrollmentResult>> EnrollAsync(NewCustomer customer, Guid pinId, CancellationToken cancellationToken = default)
    {
        var key = IdempotencyKeys.New();
        return new(key, await EnrollAsync(EnrollmentRequest.For(customer, pinId, key), cancellationToken));
    }

    /// <summary><c>GET /cards/{cardNumber}</c>.</summary>
    /// <param name="cardNumber">The 16-digit card number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<Card> GetCardAsync(string cardNumber, CancellationToken cancellationToken = default) =>
        TerminalHttp.Read<Card>((await SendAsync(HttpMethod.Get, CardPath(cardNumber, null), null, null, cancellationToken)).Body);

    /// <summary><c>POST /cards/{cardNumber}/stamps</c> with the caller's idempotency key.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="request">The stamps.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<StampResult> AddStampsAsync(string cardNumber, StampRequest request, CancellationToken cancellationToken = default) =>
        CardOperationAsync<StampResult>(cardNumber, "stamps", request, request?.IdempotencyKey, cancellationToken);

    /// <summary><c>POST /cards/{cardNumber}/stamps</c> with a generated idempotency key.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="count">1 to 10 stamps.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KeyedResult<StampResult>> AddStampsAsync(string cardNumber, int count, Guid pinId, CancellationToken cancellationToken = default) =>
        WithNewKeyAsync(key => AddStampsAsync(cardNumber, new StampRequest(count, pinId, key), cancellationToken));

    /// <summary><c>POST /cards/{cardNumber}/stamp-redemptions</c> with the caller's idempotency key.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="request">The redemption.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<StampResult> RedeemStampRewardAsync(string cardNumber, StampRedemptionRequest request, CancellationToken cancellationToken = default) =>
        CardOperationAsync<StampResult>(cardNumber, "stamp-redemptions", request, request?.IdempotencyKey, cancellationToken);

    /// <summary><c>POST /cards/{cardNumber}/stamp-redemptions</c> with a generated idempotency key.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KeyedResult<StampResult>> RedeemStampRewardAsync(string cardNumber, Guid pinId, CancellationToken cancellationToken = default) =>
        WithNewKeyAsync(key => RedeemStampRewardAsync(cardNumber, new StampRedemptionRequest(pinId, key), cancellationToken));

    /// <summary><c>POST /cards/{cardNumber}/points</c> with the caller's idempotency key.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="request">The purchase.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<PointsResult> EarnPointsAsync(string cardNumber, PointsRequest request, CancellationToken cancellationToken = default) =>
        CardOperationAsync<PointsResult>(cardNumber, "points", request, request?.IdempotencyKey, cancellationToken);

    /// <summary><c>POST /cards/{cardNumber}/points</c> with a generated idempotency key.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="purchaseAmountMinor">The purchase in minor units.</param>
    /// <param name="currency">ISO 4217 code.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KeyedResult<PointsResult>> EarnPointsAsync(
        string cardNumber, long purchaseAmountMinor, string currency, Guid pinId, CancellationToken cancellationToken = default) =>
        WithNewKeyAsync(key => EarnPointsAsync(cardNumber, new PointsRequest(purchaseAmountMinor, currency, pinId, key), cancellationToken));

    /// <summary><c>POST /cards/{cardNumber}/point-redemptions</c> with the caller's idempotency key.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="request">The redemption.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<PointRedemptionResult> RedeemPointsRewardAsync(string cardNumber, PointRedemptionRequest request, CancellationToken cancellationToken = default) =>
        CardOperationAsync<PointRedemptionResult>(cardNumber, "point-redemptions", request, request?.IdempotencyKey, cancellationToken);

    /// <summary><c>POST /cards/{cardNumber}/point-redemptions</c> with a generated idempotency key.</summary>
    /// <param name="cardNumber">The card.</param>
    /// <param name="rewardId">The catalogue reward.</param>
    /// <param name="pinId">The staff PIN that authorised it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KeyedResult<PointRedemptionResult>> RedeemPointsRewardAsync(string cardNumber, string rewardId, Guid pinId, CancellationToken cancellationToken = default) =>
        WithNewKeyAsync(key => RedeemPointsRewardAsync(cardNumber, new PointRedemptionRequest(rewardId, pinId, key), cancellationToken));

    /// <summary>
    /// <c>POST /sync</c>: sends queued operations (at most 500). The answer has one result per operation, each what its
    /// single endpoint would have answered; only a failure of the whole request throws.
    /// </summary>
    /// <param name="operations">The operations, each with its <c>deviceSeq</c> and idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<SyncResponse> SyncAsync(IReadOnlyList<SyncOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count > SyncRequest.MaxOperations)
        {
            throw new ArgumentException($"At most {SyncRequest.MaxOperations} operations per sync.", nameof(operations));
        }

        var (_, body) = await SendAsync(HttpMethod.Post, "sync", new SyncRequest(operations), null, cancellationToken);
        return TerminalHttp.Read<SyncResponse>(body);
    }

    private async Task<T> CardOperationAsync<T>(string cardNumber, string operation, object? request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, body) = await SendAsync(HttpMethod.Post, CardPath(cardNumber, operation), request, Key(idempotencyKey), cancellationToken);
        return TerminalHttp.Read<T>(body);
    }

    private static async Task<KeyedResult<T>> WithNewKeyAsync<T>(Func<string, Task<T>> operation)
    {
        var key = IdempotencyKeys.New();
        return new(key, await operation(key));
    }

    private Task<(int Status, System.Text.Json.JsonElement Body)> SendAsync(
        HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken cancellationToken) =>
        _http.SendAsync(method, path, body, _deviceToken, idempotencyKey, cancellationToken);

    private static string Key(string? key) => IdempotencyKeys.Validate(key, "request");

    private static string CardPath(string cardNumber, string? operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cardNumber);
        var card = "cards/" + Uri.EscapeDataString(cardNumber);
        return operation is null ? card : string.Create(CultureInfo.InvariantCulture, $"{card}/{operation}");
    }
}
