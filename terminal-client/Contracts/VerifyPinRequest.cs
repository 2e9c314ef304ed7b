namespace Loyalty.TerminalClient.Contracts;

/// <summary>Body of <c>POST /staff/{pinId}/verify</c>.</summary>
/// <param name="Pin">The PIN as typed.</param>
public sealed record VerifyPinRequest(string Pin)
{
    // A clear PIN must not reach logs through the generated ToString.
    /// <inheritdoc />
    public override string ToString() => nameof(VerifyPinRequest);
}
