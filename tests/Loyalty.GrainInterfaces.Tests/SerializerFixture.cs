using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Loyalty.GrainInterfaces.Tests;

/// <summary>Orleans' serializer and deep copier as a silo configures them, built once for the test class.</summary>
public sealed class SerializerFixture : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public Serializer Serializer => _services.GetRequiredService<Serializer>();

    public DeepCopier Copier => _services.GetRequiredService<DeepCopier>();

    public void Dispose() => _services.Dispose();
}
