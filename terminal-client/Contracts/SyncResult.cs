using System.Text.Json;

namespace Loyalty.TerminalClient.Contracts;

/// <summary>One operation's answer in <c>/sync</c>: exactly what its single endpoint would have answered.</summary>
/// <param name="IdempotencyKey">The operation's key.</param>
/// <param name="Status">The HTTP status the single endpoint would have answered.</param>
/// <param name="Body">Its body: the operation's answer, or a problem.</param>
public sealed record SyncResult(string? IdempotencyKey, int Status, JsonElement Body)
{
    /// <summary>The problem, when <see cref="Status"/> is not 2xx.</summary>
    public TerminalProblem? Problem => Status is >= 200 and < 300 ? null : TerminalProblem.From(Status, Body);

    /// <summary>The body as <typeparamref name="T"/> (as <see cref="StampResult"/> for a stamp).</summary>
    /// <typeparam name="T">The single endpoint's answer type.</typeparam>
    public T? BodyAs<T>() => Body.Deserialize<T>(TerminalJson.Options);
}
