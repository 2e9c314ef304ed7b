namespace Loyalty.Email.Templates;

/// <summary>A template with its variables filled in: HTML-escaped in the HTML part, as they are elsewhere.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);
