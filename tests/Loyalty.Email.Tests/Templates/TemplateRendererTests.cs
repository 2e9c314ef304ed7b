using Loyalty.Email.Templates;

namespace Loyalty.Email.Tests.Templates;

public sealed class TemplateRendererTests
{
    private static readonly TemplateContent Template = new("Hi {{name}}", "<p title=\"{{name}}\">{{ name }} &amp; {{missing}}</p>", "Hi {{name}}\n");

    [Fact]
    public void Render_Html_EscapesValuesButNotText()
    {
        var rendered = TemplateRenderer.Render(Template, new Dictionary<string, string> { ["name"] = "<script>\"x\" & 'y'</script>" });

        Assert.Equal("<p title=\"&lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/script&gt;\">&lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/script&gt; &amp; </p>", rendered.Html);
        Assert.Equal("Hi <script>\"x\" & 'y'</script>\n", rendered.Text);
        Assert.Equal("Hi <script>\"x\" & 'y'</script>", rendered.Subject);
    }

    [Fact]
    public void Render_Html_KeepsAccentedLettersReadable()
    {
        var rendered = TemplateRenderer.Render(Template, new Dictionary<string, string> { ["name"] = "Zoé Müller" });

        Assert.StartsWith("<p title=\"Zoé Müller\">Zoé Müller", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Subject_WithLineBreakInValue_StaysOneLine()
    {
        var rendered = TemplateRenderer.Render(Template, new Dictionary<string, string> { ["name"] = "a\r\nBcc: x@example.com" });

        Assert.Equal("Hi a Bcc: x@example.com", rendered.Subject);
    }

    [Fact]
    public void UnknownVariables_NamesThoseNotAllowed_Once()
    {
        Assert.Equal(["missing", "other"], TemplateRenderer.UnknownVariables("{{name}} {{missing}} {{ other }} {{missing}}", ["name"]));
    }
}
