namespace Loyalty.Web.Email;

/// <summary>A template in one language, in the list: its subject and whether an admin changed it.</summary>
public sealed record EmailTemplateSummaryResponse(string Template, string Locale, string Subject, bool Customized, DateTimeOffset? UpdatedAt);
