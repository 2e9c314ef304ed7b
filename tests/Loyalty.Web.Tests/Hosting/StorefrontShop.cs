using System.Net;
using System.Text.RegularExpressions;
using Loyalty.GrainInterfaces.Audit;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.GrainInterfaces.Stores;
using Microsoft.Extensions.DependencyInjection;
using Loyalty.Testing;

namespace Loyalty.Web.Tests.Hosting;

/// <summary>A storefront to test: a merchant with a store and a stamps program, made through the grains; and its form.</summary>
public static partial class StorefrontShop
{
    public static async Task<(string Slug, Guid ProgramId)> CreateShopAsync(this WebApp app, ProgramKind kind = ProgramKind.Stamps)
    {
        ArgumentNullException.ThrowIfNull(app);
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var merchantId = Guid.NewGuid();
        var slug = $"shop-{merchantId.ToString("N")[..10]}";
        Assert.True((await grains.GetGrain<IMerchantGrain>(merchantId).CreateAsync(new CreateMerchantCommand("Shop", slug, "en", AuditActors.System))).Succeeded);
        var store = await grains.GetGrain<IStoreGrain>(Guid.NewGuid()).CreateAsync(new CreateStoreCommand(
            merchantId, "Shop Gare", $"gare-{merchantId.ToString("N")[..6]}", "Europe/Luxembourg", new Dictionary<string, string?> { ["de"] = "Am Bahnhof." }, AuditActors.System));
        Assert.True(store.Succeeded);
        var programId = Guid.NewGuid();
        var program = new ProgramDefinition
        {
            Id = programId.ToString("D"),
            MerchantId = merchantId.ToString("D"),
            Name = "Club",
            Kind = kind,
            StampsRequired = kind == ProgramKind.Points ? null : 10,
            StampRewardName = kind == ProgramKind.Points ? null : "Free coffee",
            PointsPerCurrencyUnit = kind == ProgramKind.Stamps ? null : 10,
            Currency = kind == ProgramKind.Stamps ? null : "EUR",
            WelcomeBonusPoints = kind == ProgramKind.Stamps ? 0 : 50,
            Rewards = kind == ProgramKind.Stamps ? [] : [new RewardDefinition("", "Tote bag", 1_200)],
            PointExpiry = kind == ProgramKind.Stamps ? PointExpiryPolicy.None : PointExpiryPolicy.Inactivity(180),
            Terms = new LocalizedText(new Dictionary<string, string> { ["en"] = "One card per person." }),
        };
        var created = await grains.GetGrain<IProgramGrain>(programId).CreateAsync(new CreateProgramCommand(program, AuditActors.System));
        Assert.True(created.Succeeded, created.Error?.Message);
        return (slug, programId);
    }

    public static Task<long> CountCardsAsync(this WebApp app, Guid programId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return CardRows.CountForProgramAsync(app.ConnectionString, programId);
    }

    /// <summary>Shows the join form (for its antiforgery token and cookie), then posts <paramref name="form"/> with the token.</summary>
    public static async Task<HttpResponseMessage> PostJoinFormAsync(this HttpClient client, string slug, Guid programId, IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync($"/m/{slug}/join/{programId}");
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success);
        return await client.PostAsync(
            $"/m/{slug}/join/{programId}",
            new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
