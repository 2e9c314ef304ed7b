using Loyalty.Runtime.Membership;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Runtime.Tests.Membership;

/// <summary>A hosted service registered after the runtime: records the silo's row as it is while the host starts.</summary>
internal sealed class StatusAtStartProbe(MembershipCluster cluster, ClusterMembership membership) : IHostedService
{
    public SiloStatus? Seen { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rows = await cluster.Table.ReadAllAsync(cancellationToken);
        Seen = rows.Single(r => r.SiloId == membership.LocalSiloId).Status;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
