using Loyalty.GrainInterfaces.Cards;
using Loyalty.Grains.Idempotency;

namespace Loyalty.Grains.Cards;

/// <summary>The idempotency fingerprint of each card operation, from the fields that define it (see FingerprintFields).</summary>
internal static class CardFingerprints
{
    public static string Of(string cardNumber, CardCommand command) => command.Kind switch
    {
        CardCommandKind.Stamp => new FingerprintBuilder(OperationKinds.Stamp)
            .Add("cardNumber", cardNumber).Add("count", command.Count).Add("pinId", Pin(command)).Build(),
        CardCommandKind.StampRedemption => new FingerprintBuilder(OperationKinds.StampRedemption)
            .Add("cardNumber", cardNumber).Add("pinId", Pin(command)).Build(),
        CardCommandKind.Points => new FingerprintBuilder(OperationKinds.Points)
            .Add("cardNumber", cardNumber).Add("purchaseAmountMinor", command.PurchaseAmountMinor)
            .Add("currency", command.Currency).Add("pinId", Pin(command)).Build(),
        CardCommandKind.PointRedemption => new FingerprintBuilder(OperationKinds.PointRedemption)
            .Add("cardNumber", cardNumber).Add("rewardId", command.RewardId).Add("pinId", Pin(command)).Build(),

        // Admin operations have no terminal fingerprint: hash every field that defines them.
        _ => AdminFingerprint(cardNumber, command),
    };

    public static string Of(EnrollmentRequest request) => new FingerprintBuilder(OperationKinds.Enrollment)
        .Add("programId", request.ProgramId.ToString("D"))
        .Add("email", request.Customer.Email)
        .Add("name", request.Customer.Name)
        .Add("phone", request.Customer.Phone)
        .Add("birthday", request.Customer.Birthday)
        .Add("locale", request.Customer.Locale)
        .Add("pinId", request.Origin.PinId?.ToString("D"))
        .Build();

    private static string? Pin(CardCommand command) => command.Origin.PinId?.ToString("D");

    private static string AdminFingerprint(string cardNumber, CardCommand command)
    {
        var text = string.Join(
            '\u001f',
            command.Kind,
            cardNumber,
            command.StampsDelta,
            command.PointsDelta,
            command.Reason?.Trim(),
            command.VoidedTransactionId?.ToString("D"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
