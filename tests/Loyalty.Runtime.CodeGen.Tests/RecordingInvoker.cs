using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.CodeGen.Tests;

/// <summary>Stands in for the runtime: records what proxies send and answers with a preset result.</summary>
internal sealed class RecordingInvoker : IGrainCallInvoker
{
    public List<(GrainId Target, GrainRequest Request)> Calls { get; } = [];

    public object? Result { get; set; }

    public GrainRequest SingleRequest => Assert.Single(Calls).Request;

    public Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request)
    {
        Calls.Add((target, request));
        return Task.FromResult(Result is null ? default! : (TResult)Result);
    }
}
