namespace Loyalty.Web.Pairing;

/// <summary>Answer of terminal <c>POST /pair</c>. <see cref="DeviceToken"/> is shown this once.</summary>
public sealed record PairResponse(
    Guid DeviceId,
    string DeviceToken,
    NamedReference Store,
    NamedReference Merchant,
    IReadOnlyList<PairedProgramResponse> Programs)
{
    // The token is a bearer secret: keep it out of anything that prints records.
    public override string ToString() => $"{nameof(PairResponse)} {{ DeviceId = {DeviceId} }}";
}
