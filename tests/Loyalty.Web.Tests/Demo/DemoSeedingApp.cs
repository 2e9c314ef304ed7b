using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.Demo;

/// <summary>The one web app with demo seeding on: its database starts empty, so start-up seeds it.</summary>
public sealed class DemoSeedingApp() : IAsyncLifetime
{
    public WebApp App { get; } = new(timeProvider: null, settings: null, seedDemo: true);

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}
