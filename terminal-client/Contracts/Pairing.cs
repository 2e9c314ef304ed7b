namespace Loyalty.TerminalClient.Contracts;

/// <summary>Answer of <c>POST /pair</c>. <see cref="DeviceToken"/> is given this once: store it securely.</summary>
/// <param name="DeviceId">The new device's id.</param>
/// <param name="DeviceToken">The bearer token for every later call.</param>
/// <param name="Store">The store the tablet now belongs to.</param>
/// <param name="Merchant">The store's merchant.</param>
/// <param name="Programs">The merchant's programs.</param>
public sealed record Pairing(Guid DeviceId, string DeviceToken, NamedReference Store, NamedReference Merchant, IReadOnlyList<PairedProgram> Programs)
{
    // The token is a bearer secret: keep it out of anything that prints records.
    /// <inheritdoc />
    public override string ToString() => $"{nameof(Pairing)} {{ DeviceId = {DeviceId}, Store = {Store.Name} }}";
}
