using Loyalty.Database;
using Loyalty.Web.AdminSite.Cards;
using Loyalty.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Loyalty.Web.Tests.AdminSite.Cards.CardSearchWorld;

namespace Loyalty.Web.Tests.AdminSite.Cards;

public sealed class CardSearchTests(TerminalApp app) : IClassFixture<TerminalApp>
{
    private LoyaltyDatabase Database => app.App.Services.GetRequiredService<LoyaltyDatabase>();

    [Fact]
    public async Task Find_ByCardNumberWithSpaces_FindsExactlyThatCard()
    {
        var card = await app.CreateCardAsync();
        var spaced = string.Join(' ', card.CardNumber.Chunk(4).Select(c => new string(c)));

        var (items, total) = await FindAsync(spaced, CardSearchScope.Everything);

        Assert.Equal(1, total);
        Assert.Equal((card.CardNumber, "Lena Weber", card.Store.MerchantName, "Coffee", "active"),
            (items[0].CardNumber, items[0].CustomerName, items[0].MerchantName, items[0].ProgramName, items[0].Status));
    }

    [Fact]
    public async Task Find_ByEmailPrefixInAnyCase_FindsOnlyAddressesStartingWithIt()
    {
        var card = await app.CreateCardAsync();
        var tag = Tag();
        var match = await app.EnrollAsync(card, "Emma Schmit", $"Emma.{tag}@Example.com", null);
        await app.EnrollAsync(card, "Emma Other", $"x.emma.{tag}@example.com", null);

        Assert.Equal([match], await NumbersAsync($"EMMA.{tag}@", CardSearchScope.Everything));
        Assert.Equal([match], await NumbersAsync($"emma.{tag}@example.com", CardSearchScope.Everything));
        Assert.Empty(await NumbersAsync($"emma.{tag}@example.org", CardSearchScope.Everything));
    }

    [Fact]
    public async Task Find_ByPhoneDigits_FindsNumbersEndingWithThemHoweverTyped()
    {
        var card = await app.CreateCardAsync();
        var digits = Digits(9);
        var match = await app.EnrollAsync(card, "Paul Hoffmann", $"{Tag()}@example.com", $"+352 {digits[..3]} {digits[3..6]} {digits[6..]}");

        Assert.Equal([match], await NumbersAsync($"{digits[..3]}-{digits[3..6]}-{digits[6..]}", CardSearchScope.Everything));
        Assert.Equal([match], await NumbersAsync($"+352{digits}", CardSearchScope.Everything));
        Assert.Equal([match], await NumbersAsync(digits[3..], CardSearchScope.Everything));
        Assert.Empty(await NumbersAsync(digits[..6], CardSearchScope.Everything));
    }

    [Fact]
    public async Task Find_ByPartOfName_IgnoresCaseAndAccents()
    {
        var card = await app.CreateCardAsync();
        var tag = Tag();
        var elodie = await app.EnrollAsync(card, $"Élodie Müller{tag}", $"{tag}-1@example.com", null);
        var helene = await app.EnrollAsync(card, $"Hélène Muller{tag}", $"{tag}-2@example.com", null);

        Assert.Equal(new[] { elodie, helene }.Order(), (await NumbersAsync($"MULLER{tag}", CardSearchScope.Everything)).Order());
        Assert.Equal([elodie], await NumbersAsync($"elodie muller{tag}", CardSearchScope.Everything));
        Assert.Equal([helene], await NumbersAsync($"lène m", new CardSearchScope(card.Store.MerchantId, null)));
        Assert.Empty(await NumbersAsync($"{tag}x", CardSearchScope.Everything));
    }

    [Fact]
    public async Task Find_NameWithLikeCharacters_MatchesThemLiterally()
    {
        var card = await app.CreateCardAsync();
        var tag = Tag();
        var percent = await app.EnrollAsync(card, $"Anna 100% {tag}", $"{tag}@example.com", null);

        Assert.Equal([percent], await NumbersAsync($"100% {tag}", CardSearchScope.Everything));
        Assert.Empty(await NumbersAsync($"1_0% {tag}", CardSearchScope.Everything));
    }

    [Fact]
    public async Task Find_OwnerScope_SeesOnlyTheirMerchantsCards()
    {
        var a = await app.CreateCardAsync();
        var b = await app.CreateCardAsync();
        var tag = Tag();
        var ofA = await app.EnrollAsync(a, $"Marie {tag}", $"{tag}-a@example.com", null);
        var ofB = await app.EnrollAsync(b, $"Marie {tag}", $"{tag}-b@example.com", null);

        Assert.Equal([ofA], await NumbersAsync(tag, new CardSearchScope(a.Store.MerchantId, null)));
        Assert.Equal([ofB], await NumbersAsync(tag, new CardSearchScope(b.Store.MerchantId, null)));
        Assert.Equal(new[] { ofA, ofB }.Order(), (await NumbersAsync(tag, CardSearchScope.Everything)).Order());
        Assert.Empty(await NumbersAsync(b.CardNumber, new CardSearchScope(a.Store.MerchantId, null)));
    }

    [Fact]
    public async Task Find_StoreScope_SeesCardsEnrolledOrUsedAtTheStoreOnly()
    {
        var first = await app.CreateCardAsync();
        var second = await app.OtherStoreAsync(first);
        var tag = Tag();
        var enrolledHere = await app.EnrollAsync(first, $"Jonas {tag}", $"{tag}-1@example.com", null);
        var enrolledThere = await app.EnrollAsync(second, $"Jonas {tag}", $"{tag}-2@example.com", null);
        var usedHere = await app.EnrollAsync(second, $"Jonas {tag}", $"{tag}-3@example.com", null);
        using (var device = app.Device(first.Device.Token))
        {
            var stamp = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
                device, $"/api/terminal/v1/cards/{usedHere}/stamps", new { count = 1, pinId = first.PinId, idempotencyKey = $"stamp-{tag}" });
            Assert.Equal(System.Net.HttpStatusCode.OK, stamp.StatusCode);
        }

        var scope = new CardSearchScope(first.Store.MerchantId, first.Store.StoreId);

        Assert.Equal(new[] { enrolledHere, usedHere }.Order(), (await NumbersAsync(tag, scope)).Order());
        Assert.Empty(await NumbersAsync(enrolledThere, scope));
        Assert.Equal([enrolledThere], await NumbersAsync(enrolledThere, new CardSearchScope(first.Store.MerchantId, second.Store.StoreId)));
    }

    [Fact]
    public async Task Find_MoreThanAPage_PagesInNameOrderWithTheTotal()
    {
        var card = await app.CreateCardAsync();
        var tag = Tag();
        var numbers = new List<(string Name, string Number)>();
        for (var i = 0; i < CardSearch.PageSize + 2; i++)
        {
            var name = $"Kim {tag} {i:D2}";
            numbers.Add((name, await app.EnrollAsync(card, name, $"{tag}-{i}@example.com", null)));
        }

        var first = await CardSearch.FindAsync(Database, CardSearchQuery.Parse(tag), CardSearchScope.Everything, 1, CancellationToken.None);
        var second = await CardSearch.FindAsync(Database, CardSearchQuery.Parse(tag), CardSearchScope.Everything, 2, CancellationToken.None);

        Assert.Equal((27L, 27L, 25, 2), (first.Total, second.Total, first.Items.Count, second.Items.Count));
        Assert.Equal(numbers.Select(n => n.Number), first.Items.Concat(second.Items).Select(i => i.CardNumber));
    }

    private Task<(List<CardSearchRow> Items, long Total)> FindAsync(string text, CardSearchScope scope) =>
        CardSearch.FindAsync(Database, CardSearchQuery.Parse(text), scope, 1, CancellationToken.None);

    private async Task<List<string>> NumbersAsync(string text, CardSearchScope scope) =>
        (await FindAsync(text, scope)).Items.Select(i => i.CardNumber).ToList();
}
