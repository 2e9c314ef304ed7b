namespace Loyalty.Web.Email;

/// <summary>Body of <c>PUT</c> and <c>POST .../preview</c> on a template: its three parts, with <c>{{variables}}</c>.</summary>
public sealed record EmailTemplateRequest(string? Subject, string? Html, string? Text);
