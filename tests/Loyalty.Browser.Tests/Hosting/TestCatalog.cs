using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;

namespace Loyalty.Browser.Tests.Hosting;

/// <summary>Creates merchants, stores and programs through the grains, as the admin API does; unique slugs per call.</summary>
public sealed class TestCatalog(IGrainFactory grains)
{
    public async Task<TestMerchant> CreateMerchantAsync(string name = "Boulangerie Lumière", string defaultLocale = "en")
    {
        var id = Guid.NewGuid();
        var slug = $"shop-{id.ToString("N")[..10]}";
        var result = await grains.GetGrain<IMerchantGrain>(id).CreateAsync(new CreateMerchantCommand(name, slug, defaultLocale, AuditActors.System));
        Assert.True(result.Succeeded, result.Error?.Message);
        return new TestMerchant(id, name, slug);
    }

    public async Task<Guid> CreateStoreAsync(TestMerchant merchant, string name, IReadOnlyDictionary<string, string?> descriptions)
    {
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IStoreGrain>(id).CreateAsync(
            new CreateStoreCommand(merchant.Id, name, $"store-{id.ToString("N")[..10]}", "Europe/Luxembourg", descriptions, AuditActors.System));
        Assert.True(result.Succeeded, result.Error?.Message);
        return id;
    }

    public async Task<Guid> CreateProgramAsync(TestMerchant merchant, ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IProgramGrain>(id).CreateAsync(new CreateProgramCommand(
            program with { Id = id.ToString("D"), MerchantId = merchant.Id.ToString("D") }, AuditActors.System));
        Assert.True(result.Succeeded, result.Error?.Message);
        return id;
    }

    /// <summary>A stamps program: <paramref name="stamps"/> stamps for <paramref name="reward"/>.</summary>
    public Task<Guid> CreateStampsProgramAsync(TestMerchant merchant, string name = "Coffee card", int stamps = 10, string reward = "Free coffee") =>
        CreateProgramAsync(merchant, new ProgramDefinition
        {
            Id = "",
            MerchantId = "",
            Name = name,
            Kind = ProgramKind.Stamps,
            StampsRequired = stamps,
            StampRewardName = reward,
        });
}
