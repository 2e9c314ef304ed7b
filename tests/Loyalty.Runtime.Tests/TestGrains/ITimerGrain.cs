using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan dueTime, TimeSpan period, bool keepAlive);

    Task StopAsync();
}
