using Loyalty.Runtime.Core;

namespace Loyalty.Runtime.Tests.TestGrains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan dueTime, TimeSpan period);

    Task StopAsync();
}
