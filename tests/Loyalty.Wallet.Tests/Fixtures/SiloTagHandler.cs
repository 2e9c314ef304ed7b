using Loyalty.Wallet.Tests.Fakes;

namespace Loyalty.Wallet.Tests.Fixtures;

/// <summary>Names the sending silo on each request, so the fake can tell which silo a request (and its activation) came from.</summary>
internal sealed class SiloTagHandler(string silo) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(FakeGoogleWallet.SiloHeader, silo);
        return base.SendAsync(request, cancellationToken);
    }
}
