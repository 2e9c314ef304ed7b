using System.Globalization;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.GrainInterfaces.Programs;
using Loyalty.Web.Cards;

namespace Loyalty.Web.Storefront;

/// <summary>Checks the enrolment form and turns it into the customer the enrolment grain receives.</summary>
public static class EnrollmentFormValidator
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Field name → resource key of the message to show beside it; empty when the form is valid.</summary>
    public static IReadOnlyDictionary<string, string> Validate(EnrollmentForm form, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(form.Name))
            errors[nameof(EnrollmentForm.Name)] = "Join.Error.NameRequired";
        else if (!CustomerFields.IsName(form.Name))
            errors[nameof(EnrollmentForm.Name)] = "Join.Error.NameInvalid";
        if (string.IsNullOrWhiteSpace(form.Email))
            errors[nameof(EnrollmentForm.Email)] = "Join.Error.EmailRequired";
        else if (!CustomerFields.IsEmail(form.Email.Trim()))
            errors[nameof(EnrollmentForm.Email)] = "Join.Error.EmailInvalid";
        if (!string.IsNullOrWhiteSpace(form.Phone) && !CustomerFields.IsPhone(form.Phone.Trim()))
            errors[nameof(EnrollmentForm.Phone)] = "Join.Error.PhoneInvalid";
        if (!string.IsNullOrWhiteSpace(form.Birthday) && (ParseBirthday(form.Birthday) is not { } day || !CustomerFields.IsBirthday(day, today)))
            errors[nameof(EnrollmentForm.Birthday)] = "Join.Error.BirthdayInvalid";
        if (!Locales.IsSupported(form.Language))
            errors[nameof(EnrollmentForm.Language)] = "Join.Error.LanguageInvalid";
        if (!IsChecked(form.AcceptTerms))
            errors[nameof(EnrollmentForm.AcceptTerms)] = "Join.Error.TermsRequired";
        return errors;
    }

    /// <summary>The customer of a form that <see cref="Validate"/> accepted.</summary>
    public static CustomerProfile ToCustomer(EnrollmentForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new CustomerProfile(
            form.Name!.Trim(),
            form.Email!.Trim(),
            string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(),
            string.IsNullOrWhiteSpace(form.Birthday) ? null : ParseBirthday(form.Birthday),
            form.Language!.ToLowerInvariant(),
            MarketingOptIn: IsChecked(form.Marketing));
    }

    private static DateOnly? ParseBirthday(string text) =>
        DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool IsChecked(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
