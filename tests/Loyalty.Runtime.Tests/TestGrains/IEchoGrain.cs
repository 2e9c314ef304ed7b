using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

/// <summary>Answers, records and fails on request: what the cluster transport tests call across silos.</summary>
public interface IEchoGrain : IGrainWithStringKey
{
    Task<Echo> EchoAsync(Echo echo);

    /// <summary>Records <paramref name="value"/> in the probe's log of this grain.</summary>
    Task RecordAsync(string value);

    /// <summary>Throws the exception named by <paramref name="kind"/> with <paramref name="message"/>.</summary>
    Task FailAsync(string kind, string message);

    /// <summary>Logs <c>hold {message id}</c>, then holds the grain's turn until the test opens <paramref name="gate"/>.</summary>
    Task<long> HoldAsync(string gate);
}
