namespace Loyalty.Email.Templates;

/// <summary>A template in one language as it applies now: an admin's edit (with who and when) or the default.</summary>
public sealed record StoredTemplate(string Template, string Locale, TemplateContent Content, bool Customized, DateTimeOffset? UpdatedAt, string? UpdatedBy);
