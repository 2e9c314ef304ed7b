using Loyalty.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.AppleWallet;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Tests.Hardening;

/// <summary>
/// The terminal app (manual clock, generous rate limits) with two merchants: A with stores A1 and A2, and B with one
/// store. Each store has its PIN, devices and pairing code; each merchant its program, card and owner token.
/// </summary>
public sealed class HardeningApp : TerminalApp, IAsyncLifetime
{
    public const string Pin = "4821";

    // No e-mail dispatcher: it would write the outbox and the e-mail log while the tests compare database snapshots.
    public HardeningApp()
        : base(new Dictionary<string, string?>(GenerousLimits) { ["Loyalty:Email:Dispatch:Enabled"] = "false" })
    {
    }

    public TenantScope A1 { get; private set; } = null!;

    /// <summary>Another store of merchant A (same program and card as <see cref="A1"/>).</summary>
    public TenantScope A2 { get; private set; } = null!;

    public TenantScope B { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        A1 = await CreateMerchantScopeAsync();
        A2 = await CreateStoreScopeAsync(A1);
        B = await CreateMerchantScopeAsync();
    }

    private async Task<TenantScope> CreateMerchantScopeAsync()
    {
        var store = await CreateStoreAsync();
        var program = await CreateProgramAsync(store.MerchantId, new
        {
            name = "Hybrid",
            kind = "hybrid",
            stampsRequired = 10,
            stampRewardName = "Coffee",
            pointsPerCurrencyUnit = 10,
            currency = "EUR",
            rewards = new[] { new { name = "Mug", pointsCost = 100 } },
        });
        var programId = program.GetProperty("id").GetGuid();
        var (ownerToken, _) = await IssueOwnerTokenAsync(store.MerchantId);
        var (_, spareTokenId) = await IssueOwnerTokenAsync(store.MerchantId);
        var scope = await StoreScopeAsync(store, programId, program.GetProperty("rewards")[0].GetProperty("id").GetString()!, "", Guid.Empty, ownerToken, spareTokenId);

        // A card with three stamp rewards and 1,000 points, so every card operation of the scope can succeed.
        using var device = Device(scope.Device.Token);
        var card = await SendAsync(device, "enrollments", new { programId, email = $"{Guid.NewGuid():N}@example.com", name = "Lena", pinId = scope.PinId, idempotencyKey = "world-enrol" });
        var cardNumber = card.GetProperty("cardNumber").GetString()!;
        var stamped = await SendAsync(device, $"cards/{cardNumber}/stamps", new { count = 10, pinId = scope.PinId, idempotencyKey = "world-stamps-1" });
        await SendAsync(device, $"cards/{cardNumber}/stamps", new { count = 10, pinId = scope.PinId, idempotencyKey = "world-stamps-2" });
        await SendAsync(device, $"cards/{cardNumber}/stamps", new { count = 10, pinId = scope.PinId, idempotencyKey = "world-stamps-3" });
        await SendAsync(device, $"cards/{cardNumber}/points", new { purchaseAmountMinor = 10_000, currency = "EUR", pinId = scope.PinId, idempotencyKey = "world-points" });
        var messageId = await TestDatabase.ScalarAsync<long>(App.ConnectionString, "SELECT id FROM outbox WHERE card_number = $1 AND topic = 'enrollment'", cardNumber);
        // Deriving the first token also makes the deployment's Apple Wallet token key, before any test compares tables.
        var applePassToken = await App.Services.GetRequiredService<ApplePassTokens>().TokenAsync(cardNumber, CancellationToken.None);
        var spareProgram = await CreateProgramAsync(store.MerchantId, SpareProgram());
        var spareStore = await CreateStoreAsync(store.MerchantId);
        return scope with
        {
            CardNumber = cardNumber,
            TransactionId = stamped.GetProperty("transactionId").GetGuid(),
            MessageId = messageId,
            ApplePassToken = applePassToken,
            SpareProgramId = spareProgram.GetProperty("id").GetGuid(),
            SpareRewardId = spareProgram.GetProperty("rewards")[0].GetProperty("id").GetString()!,
            SpareStoreId = spareStore.StoreId,
        };
    }

    /// <summary>The spare program's rules; <c>ValidRequests</c> sends the same again (with the reward's id) as its update.</summary>
    private static object SpareProgram() => new
    {
        name = "Spare hybrid",
        kind = "hybrid",
        stampsRequired = 8,
        stampRewardName = "Tea",
        pointsPerCurrencyUnit = 5,
        currency = "EUR",
        rewards = new[] { new { name = "Bag", pointsCost = 300L } },
    };

    private async Task<TenantScope> CreateStoreScopeAsync(TenantScope sibling)
    {
        var store = await CreateStoreAsync(sibling.MerchantId);
        return await StoreScopeAsync(store, sibling.ProgramId, sibling.RewardId, sibling.CardNumber, sibling.TransactionId, sibling.OwnerToken, sibling.SpareOwnerTokenId)
            with { MessageId = sibling.MessageId, ApplePassToken = sibling.ApplePassToken, SpareProgramId = sibling.SpareProgramId, SpareRewardId = sibling.SpareRewardId, SpareStoreId = sibling.SpareStoreId };
    }

    private async Task<TenantScope> StoreScopeAsync(
        TestStore store, Guid programId, string rewardId, string cardNumber, Guid transactionId, string ownerToken, Guid spareOwnerTokenId)
    {
        var pinId = await CreatePinAsync(store.StoreId, Pin);
        var device = await PairAsync(store.StoreId);
        var spare = await PairAsync(store.StoreId, "Spare till");
        return new TenantScope(
            store.MerchantId, store.StoreId, programId, rewardId, cardNumber, transactionId, pinId, Pin, device, spare.DeviceId, ownerToken, spareOwnerTokenId,
            await IssueCodeAsync(store.StoreId));
    }

    // Through the admin API, then used once: a token records its last use at most once a minute (on the frozen clock, only
    // this first time), which must not show up as a change in the tests' database comparisons.
    private async Task<(string Token, Guid TokenId)> IssueOwnerTokenAsync(Guid merchantId)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync($"/api/admin/v1/merchants/{merchantId}/owner-tokens", new { name = "Hardening owner" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = created.GetProperty("token").GetString()!;
        using var owner = App.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/admin/v1/merchants/{merchantId}")).StatusCode);
        return (token, created.GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> SendAsync(HttpClient device, string path, object body)
    {
        var response = await device.PostAsJsonAsync($"/api/terminal/v1/{path}", body);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
