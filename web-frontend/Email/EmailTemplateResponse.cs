namespace Loyalty.Web.Email;

/// <summary>
/// A template in one language as it applies now. <c>customized</c>: an admin's edit (with <c>updatedAt</c> and
/// <c>updatedBy</c>) rather than the built-in default; <c>variables</c>: what <c>{{...}}</c> it may use.
/// </summary>
public sealed record EmailTemplateResponse(
    string Template,
    string Locale,
    string Subject,
    string Html,
    string Text,
    bool Customized,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    IReadOnlyList<string> Variables);
