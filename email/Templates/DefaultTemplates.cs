using System.Text;

namespace Loyalty.Email.Templates;

/// <summary>
/// The templates shipped with the build (<c>email/Templates/Defaults</c>: <c>{template}.{locale}.subject.txt</c>, <c>.body.html</c>,
/// <c>.text.txt</c>; not <c>{locale}.html</c>, which MSBuild would take for a satellite resource), embedded in the assembly: what applies until an admin edits a template, and what
/// "restore the default" brings back.
/// </summary>
public static class DefaultTemplates
{
    private static readonly Dictionary<(string, string), TemplateContent> Contents = Load();

    public static TemplateContent Get(string template, string locale) =>
        Contents.TryGetValue((template, locale), out var content)
            ? content
            : throw new KeyNotFoundException($"There is no default template {template} in {locale}.");

    private static Dictionary<(string, string), TemplateContent> Load()
    {
        var contents = new Dictionary<(string, string), TemplateContent>();
        foreach (var template in EmailTemplateNames.All)
        {
            foreach (var locale in GrainInterfaces.Programs.Locales.Supported)
            {
                var prefix = $"Loyalty.Email.Templates.{template}.{locale}";
                contents[(template, locale)] = new TemplateContent(
                    Read($"{prefix}.subject.txt").Trim(), Read($"{prefix}.body.html"), Read($"{prefix}.text.txt"));
            }
        }

        return contents;
    }

    private static string Read(string resource)
    {
        using var stream = typeof(DefaultTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The default template resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
