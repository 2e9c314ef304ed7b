namespace Loyalty.Web.Storefront;

/// <summary>
/// The enrolment form as posted. Every field binds as text (a checkbox posts "true"), so no input can fail model
/// binding with a framework message: <see cref="EnrollmentFormValidator"/> judges them all, in the visitor's language.
/// </summary>
public sealed class EnrollmentForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>As <c>&lt;input type="date"&gt;</c> posts it: <c>yyyy-MM-dd</c>.</summary>
    public string? Birthday { get; set; }

    public string? Language { get; set; }

    public string? AcceptTerms { get; set; }

    public string? Marketing { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots that fill in every field.</summary>
    public string? Website { get; set; }
}
