using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Web.Tests.Hosting;

namespace Loyalty.Web.Tests.AdminSite.Cards;

/// <summary>Cards with chosen customers, enrolled through the terminal API at a store of <see cref="TestCard"/>'s merchant.</summary>
internal static class CardSearchWorld
{
    /// <summary>Letters only, new per call: names, e-mails and phone numbers of one test match nothing of another.</summary>
    public static string Tag() => string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))));

    /// <summary>Digits only, new per call.</summary>
    public static string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + Random.Shared.Next(10))));

    public static async Task<string> EnrollAsync(this TerminalApp app, TestCard at, string name, string email, string? phone)
    {
        using var device = app.Device(at.Device.Token);
        var response = await device.PostAsJsonAsync("/api/terminal/v1/enrollments", new
        {
            programId = at.ProgramId,
            email,
            name,
            phone,
            birthday = "1988-11-23",
            pinId = at.PinId,
            idempotencyKey = $"enrol-{Guid.NewGuid():N}",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardNumber").GetString()!;
    }

    /// <summary>A second store of the card's merchant, with its own PIN and device, enrolling into the same program.</summary>
    public static async Task<TestCard> OtherStoreAsync(this TerminalApp app, TestCard of)
    {
        var store = await app.CreateStoreAsync(of.Store.MerchantId);
        var pinId = await app.CreatePinAsync(store.StoreId, "1357");
        var device = await app.PairAsync(store.StoreId);
        return new TestCard(store, device, pinId, of.ProgramId, of.CardNumber);
    }
}
