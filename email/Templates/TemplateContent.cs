namespace Loyalty.Email.Templates;

/// <summary>One template in one language: the subject, the HTML part and the plain-text part, with <c>{{variables}}</c>.</summary>
public sealed record TemplateContent(string Subject, string Html, string Text);
