using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Loyalty.Grains.Ledger;

namespace Loyalty.Grains.Tests.Ledger;

/// <summary>
/// The ledger hash's byte string, pinned: every stored chain is verified against it for as long as the card exists,
/// so an encoder change that moves one byte must fail here, not in a customer's ledger verification.
/// </summary>
public sealed class LedgerHasherFormatTests
{
    private const string PinnedHash = "2eba05f214476d4b00e67ec5b504cd689bdb48a7a3501b3b9c123adab860b065";

    private static readonly LedgerEntry Entry = new()
    {
        TransactionId = Guid.Parse("0b7c6d8e-1f2a-4b3c-9d4e-5f60718293a4"),
        CardNumber = "8028611041715850",
        Sequence = 42,
        Kind = LedgerKind.Points,
        Reason = "Zoë's purchase",
        StampsDelta = -3,
        RewardsDelta = 1,
        PointsDelta = -9_007_199_254_740_993,
        StampsAfter = 7,
        RewardsAvailableAfter = 2,
        PointsAfter = long.MaxValue,
        VoidedTransactionId = null,
        StoreId = "store-1",
        DeviceId = null,
        PinId = "",
        IdempotencyKey = "gm#3-17-2309",
        OccurredAt = new DateTimeOffset(2026, 5, 16, 9, 59, 0, TimeSpan.Zero).AddTicks(1230),
        RecordedAt = new DateTimeOffset(2026, 5, 16, 10, 0, 1, TimeSpan.Zero),
        PreviousHash = LedgerHead.GenesisHash,
        Hash = "",
    };

    [Fact]
    public void Encode_AnEntry_IsEachNameAndValueAsABigEndianLengthAndUtf8Bytes()
    {
        string?[] expected =
        [
            LedgerHasher.Domain,
            "transactionId", "0b7c6d8e-1f2a-4b3c-9d4e-5f60718293a4",
            "cardNumber", "8028611041715850",
            "sequence", "42",
            "kind", "Points",
            "reason", "Zoë's purchase",
            "stampsDelta", "-3",
            "rewardsDelta", "1",
            "pointsDelta", "-9007199254740993",
            "stampsAfter", "7",
            "rewardsAvailableAfter", "2",
            "pointsAfter", "9223372036854775807",
            "voidedTransactionId", null,
            "storeId", "store-1",
            "deviceId", null,
            "pinId", "",
            "idempotencyKey", "gm#3-17-2309",
            "occurredAt", "1778925540000123",
            "recordedAt", "1778925601000000",
            "previousHash", LedgerHead.GenesisHash,
        ];

        Assert.Equal(Spelled(expected), LedgerHasher.Encode(Entry));
    }

    [Fact]
    public void ComputeHash_AnEntry_KeepsThePinnedValue()
    {
        Assert.Equal(PinnedHash, LedgerHasher.ComputeHash(Entry));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(LedgerHasher.Encode(Entry))), LedgerHasher.ComputeHash(Entry));
    }

    private static byte[] Spelled(string?[] values)
    {
        var bytes = new List<byte>();
        var length = new byte[4];
        foreach (var value in values)
        {
            var utf8 = value is null ? [] : Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteInt32BigEndian(length, value is null ? -1 : utf8.Length);
            bytes.AddRange(length);
            bytes.AddRange(utf8);
        }

        return [.. bytes];
    }
}
