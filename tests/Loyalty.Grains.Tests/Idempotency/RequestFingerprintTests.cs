using Loyalty.Grains.Idempotency;

namespace Loyalty.Grains.Tests.Idempotency;

public sealed class RequestFingerprintTests
{
    private const string Card = "8012345678901230";

    [Fact]
    public void FromJson_ReorderedFieldsAndWhitespace_SameFingerprint()
    {
        var first = RequestFingerprint.FromJson(OperationKinds.Points,
            """{"purchaseAmountMinor":1299,"currency":"EUR","pinId":"pin-1","idempotencyKey":"k1"}""", Card);
        var second = RequestFingerprint.FromJson(OperationKinds.Points,
            """
            {
              "idempotencyKey" : "k1",
              "pinId" : "pin-1",
              "currency" : "EUR",
              "purchaseAmountMinor" : 1299
            }
            """, Card);

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void FromJson_ChangedAmount_DifferentFingerprint()
    {
        var first = RequestFingerprint.FromJson(OperationKinds.Points, """{"purchaseAmountMinor":1299,"currency":"EUR","pinId":"pin-1"}""", Card);
        var second = RequestFingerprint.FromJson(OperationKinds.Points, """{"purchaseAmountMinor":1300,"currency":"EUR","pinId":"pin-1"}""", Card);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void FromJson_IgnoredFieldsDiffer_SameFingerprint()
    {
        var first = RequestFingerprint.FromJson(OperationKinds.Stamp,
            """{"count":2,"pinId":"p","idempotencyKey":"a","occurredAt":"2026-05-16T10:00:00+02:00","deviceSeq":1}""", Card);
        var second = RequestFingerprint.FromJson(OperationKinds.Stamp,
            """{"count":2,"pinId":"p","idempotencyKey":"b","occurredAt":"2026-05-16T10:05:00+02:00","deviceSeq":7,"extra":true}""", Card);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("""{"count":2,"pinId":"p"}""", """{"count":2.0,"pinId":"p"}""")]
    [InlineData("""{"count":20,"pinId":"p"}""", """{"count":2e1,"pinId":"p"}""")]
    [InlineData("""{"count":2,"pinId":" p "}""", """{"count":2,"pinId":"p"}""")]
    [InlineData("""{"count":2}""", """{"count":2,"pinId":null}""")]
    public void FromJson_EquivalentSpellings_SameFingerprint(string left, string right) =>
        Assert.Equal(RequestFingerprint.FromJson(OperationKinds.Stamp, left, Card), RequestFingerprint.FromJson(OperationKinds.Stamp, right, Card));

    [Theory]
    [InlineData("""{"count":2,"pinId":"p"}""", """{"count":"2","pinId":"p"}""")]
    [InlineData("""{"count":2,"pinId":"p"}""", """{"count":2,"pinId":"q"}""")]
    [InlineData("""{"count":2,"pinId":"p"}""", """{"count":2,"pinId":""}""")]
    public void FromJson_DifferentValues_DifferentFingerprint(string left, string right) =>
        Assert.NotEqual(RequestFingerprint.FromJson(OperationKinds.Stamp, left, Card), RequestFingerprint.FromJson(OperationKinds.Stamp, right, Card));

    [Fact]
    public void FromJson_OtherCardOrKind_DifferentFingerprint()
    {
        const string body = """{"pinId":"p"}""";
        var original = RequestFingerprint.FromJson(OperationKinds.StampRedemption, body, Card);

        Assert.NotEqual(original, RequestFingerprint.FromJson(OperationKinds.StampRedemption, body, "4111111111111111"));
        Assert.NotEqual(original, RequestFingerprint.FromJson(OperationKinds.Stamp, body, Card));
    }

    [Fact]
    public void FromJson_SyncItemWithCardInBody_MatchesSingleEndpoint()
    {
        var single = RequestFingerprint.FromJson(OperationKinds.PointRedemption, """{"rewardId":"tote","pinId":"p"}""", Card);
        var sync = RequestFingerprint.FromJson(OperationKinds.PointRedemption,
            $$"""{"kind":"pointRedemption","deviceSeq":3,"cardNumber":"{{Card}}","rewardId":"tote","pinId":"p"}""");

        Assert.Equal(single, sync);
    }

    [Fact]
    public void FromJson_EnrolmentEmailCase_SameFingerprint()
    {
        var first = RequestFingerprint.FromJson(OperationKinds.Enrollment,
            """{"programId":"p1","email":"Anna@Example.com","name":"Anna","birthday":"1990-04-02","pinId":"p"}""");
        var second = RequestFingerprint.FromJson(OperationKinds.Enrollment,
            """{"programId":"p1","email":"anna@example.com","name":"Anna","birthday":"1990-04-02","pinId":"p"}""");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Build_TypedValues_MatchesJson()
    {
        var typed = new FingerprintBuilder(OperationKinds.Enrollment)
            .Add("programId", "p1").Add("email", "anna@example.com").Add("name", "Anna")
            .Add("birthday", new DateOnly(1990, 4, 2)).Add("pinId", "p")
            .Build();
        var json = RequestFingerprint.FromJson(OperationKinds.Enrollment,
            """{"programId":"p1","email":"anna@example.com","name":"Anna","birthday":"1990-04-02","pinId":"p","locale":null}""");

        Assert.Equal(json, typed);
    }

    [Fact]
    public void Add_FieldThatDoesNotDefineTheKind_Throws() =>
        Assert.Throws<ArgumentException>(() => new FingerprintBuilder(OperationKinds.Stamp).Add("idempotencyKey", "k"));

    [Fact]
    public void Decide_StoredFingerprints_AppliesReplaysOrRefuses()
    {
        Assert.Equal(IdempotencyDecision.Apply, IdempotencyRules.Decide(null, "a"));
        Assert.Equal(IdempotencyDecision.Replay, IdempotencyRules.Decide("a", "a"));
        Assert.Equal(IdempotencyDecision.KeyReused, IdempotencyRules.Decide("a", "b"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("k", true)]
    public void ValidateKey_Length_AcceptsOneTo128(string? key, bool valid)
    {
        Assert.Equal(valid, IdempotencyRules.ValidateKey(key) is null);
        Assert.Null(IdempotencyRules.ValidateKey(new string('k', 128)));
        Assert.NotNull(IdempotencyRules.ValidateKey(new string('k', 129)));
    }
}
