using System.Text.Json;
using Loyalty.TerminalClient.Contracts;

namespace Loyalty.TerminalClient.Offline;

/// <summary>One queued operation's result in a flush.</summary>
/// <param name="Operation">The operation as queued (its key, <c>deviceSeq</c> and <c>occurredAt</c>).</param>
/// <param name="Outcome">Whether it left the queue, and how.</param>
/// <param name="Status">The status answered for it; <see langword="null"/> if no answer came (or it was not sent).</param>
/// <param name="Body">The body answered for it: the single endpoint's answer, or a problem.</param>
public sealed record OfflineOperationResult(SyncOperation Operation, OfflineOutcome Outcome, int? Status, JsonElement? Body)
{
    /// <summary>The problem, unless the operation succeeded.</summary>
    public TerminalProblem? Problem => Outcome == OfflineOutcome.Succeeded
        ? null
        : Status is { } status ? TerminalProblem.From(status, Body) : TerminalProblem.NoAnswer("Not answered in this flush.");

    /// <summary>The body as <typeparamref name="T"/> (as <see cref="StampResult"/> for a stamp).</summary>
    /// <typeparam name="T">The single endpoint's answer type.</typeparam>
    public T? BodyAs<T>() => Body is { } body ? body.Deserialize<T>(TerminalJson.Options) : default;
}
