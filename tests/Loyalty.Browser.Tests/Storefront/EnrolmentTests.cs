using System.Text.RegularExpressions;
using Loyalty.Browser.Tests.Hosting;
using Microsoft.Playwright;

namespace Loyalty.Browser.Tests.Storefront;

[Collection(SiteCollection.Name)]
public sealed partial class EnrolmentTests(SiteApp app)
{
    [Fact]
    public async Task Enrol_InFrench_ShowsAFrenchFormWithADateInputAndLandsOnTheCard()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var page = await app.NewPageAsync("fr-FR");
        await page.GotoAsync($"/m/{merchant.Slug}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rejoindre Carte café" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, JoinForm.PathOf(merchant, programId)).ToString());
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        var form = new JoinForm(page);
        Assert.Equal("date", await form.Birthday.GetAttributeAsync("type"));
        Assert.Equal("fr", await form.Birthday.EvaluateAsync<string>("input => input.closest('[lang]').lang"));
        Assert.Equal("fr", await form.Birthday.GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("#Form_Language")).ToHaveValueAsync("fr");
        await form.FillAsync("Léa Muller", "lea.muller@example.com");
        await form.Marketing.CheckAsync();

        var response = await form.SubmitAsync();

        Assert.Equal(200, response.Status);
        Assert.Matches(CardPath(merchant), new Uri(page.Url).AbsolutePath);
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Bienvenue ! Votre carte de {merchant.Name} est prête.");
        await Assertions.Expect(page.GetByText("0 tampons sur 8")).ToBeVisibleAsync();
        var number = await page.Locator(".card-number").TextContentAsync();
        Assert.Matches(CardNumberPattern(), number);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = $"Code QR de la carte {number}" })).ToBeVisibleAsync();
        Assert.Equal(1, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task CardPage_Reload_ShowsTheSameCardWithoutTheWelcome()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var page = await app.NewPageAsync("en");
        await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        var form = new JoinForm(page);
        await form.FillAsync("Tom Weber", "tom.weber@example.com");
        await form.SubmitAsync();
        var url = page.Url;
        var number = await page.Locator(".card-number").TextContentAsync();

        var reloaded = await page.ReloadAsync();
        var later = await (await app.NewPageAsync("de")).GotoAsync(url);

        Assert.Equal(200, reloaded!.Status);
        Assert.Equal(url, page.Url);
        Assert.Equal(number, await page.Locator(".card-number").TextContentAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        Assert.Equal(200, later!.Status);
        Assert.Contains(number!, await later.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_SameEmailInAnotherCase_LandsOnTheSameCardAndChangesNothing()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var page = await app.NewPageAsync("en");
        await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        await new JoinForm(page).FillAsync("Sara Klein", "sara.klein@example.com");
        await new JoinForm(page).SubmitAsync();
        var first = await page.Locator(".card-number").TextContentAsync();

        var again = await app.NewPageAsync("en");
        await again.GotoAsync(JoinForm.PathOf(merchant, programId));
        var form = new JoinForm(again);
        await form.FillAsync("Sara K.", "Sara.KLEIN@Example.com", birthday: null);
        await form.SubmitAsync();

        Assert.Matches(CardPath(merchant), new Uri(again.Url).AbsolutePath);
        Assert.Equal(first, await again.Locator(".card-number").TextContentAsync());
        await Assertions.Expect(again.GetByRole(AriaRole.Status))
            .ToHaveTextAsync("You already have a card for this program: here it is. Nothing was changed.");
        Assert.Equal(1, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task Enrol_InvalidFields_ShowsEachErrorNextToItsFieldAndCreatesNothing()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var page = await app.NewPageAsync("de");
        await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        var form = new JoinForm(page);
        await form.Email.FillAsync("not-an-address");
        await form.Phone.FillAsync("call me");
        await form.Birthday.FillAsync("2999-01-01");

        var response = await form.SubmitAsync();

        Assert.Equal(400, response.Status);
        Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(JoinForm.ErrorOf(page, "Name")).ToHaveTextAsync("Geben Sie Ihren Namen ein.");
        await Assertions.Expect(JoinForm.ErrorOf(page, "Email")).ToHaveTextAsync("Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.");
        await Assertions.Expect(JoinForm.ErrorOf(page, "Phone")).ToHaveTextAsync("Geben Sie eine Telefonnummer mit 3 bis 32 Ziffern ein; Leerzeichen, +, - und Klammern sind erlaubt.");
        await Assertions.Expect(JoinForm.ErrorOf(page, "Birthday")).ToHaveTextAsync("Geben Sie ein gültiges Datum in der Vergangenheit nach 1900 ein.");
        await Assertions.Expect(JoinForm.ErrorOf(page, "AcceptTerms")).ToHaveTextAsync("Akzeptieren Sie die Programmbedingungen, um beizutreten.");
        await Assertions.Expect(JoinForm.ErrorOf(page, "Language")).ToHaveTextAsync("");
        await Assertions.Expect(form.Email).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.Email).ToHaveValueAsync("not-an-address");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(5);
        Assert.Equal(0, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task Enrol_HoneypotFilledIn_AnswersTheBadRequestPageAndCreatesNothing()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var page = await app.NewPageAsync("lb");
        await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        var form = new JoinForm(page);
        await form.FillAsync("Bot", "bot@example.com");
        await page.Locator("#Form_Website").FillAsync("https://spam.example.com", new() { Force = true });

        var response = await form.SubmitAsync();

        Assert.Equal(400, response.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ufro net verstanen");
        Assert.Equal(0, await app.CountCardsAsync(programId));
    }

    [Fact]
    public async Task CardPage_AlteredToken_AnswersTheLocalized404Page()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var page = await app.NewPageAsync("fr");
        await page.GotoAsync(JoinForm.PathOf(merchant, programId));
        await new JoinForm(page).FillAsync("Nina Roth", "nina.roth@example.com");
        await new JoinForm(page).SubmitAsync();
        var path = new Uri(page.Url).AbsolutePath;
        var altered = path[..^3] + (path[^3] == 'A' ? "B" : "A") + path[^2..];

        var response = await page.GotoAsync(altered);

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page introuvable");
    }

    [Fact]
    public async Task Join_KeyboardOnly_ReachesEveryFieldInOrderAndEnrols()
    {
        var (merchant, programId) = await app.CreateShopAsync();
        var page = await app.NewPageAsync("en");
        await page.GotoAsync(JoinForm.PathOf(merchant, programId));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        var reached = new List<string>();
        for (var i = 0; i < 30 && !reached.Contains("submit"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.type"));
        }

        string[] fields = ["Form_Name", "Form_Email", "Form_Phone", "Form_Birthday", "Form_Language", "Form_AcceptTerms", "Form_Marketing", "submit"];
        Assert.Equal(fields, reached.Where(fields.Contains).Distinct());
        Assert.DoesNotContain("Form_Website", reached);

        await page.Locator("#Form_Name").FocusAsync();
        await page.Keyboard.TypeAsync("Keyboard User");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("keys@example.com");
        await page.Locator("#Form_AcceptTerms").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("form button[type=submit]").FocusAsync();
        await JoinForm.NavigateAsync(page, () => page.Keyboard.PressAsync("Enter"));

        Assert.Matches(CardPath(merchant), new Uri(page.Url).AbsolutePath);
    }

    private static Regex CardPath(TestMerchant merchant) => new($"^/m/{merchant.Slug}/card/[A-Za-z0-9_-]+$");

    [GeneratedRegex("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$")]
    private static partial Regex CardNumberPattern();
}
