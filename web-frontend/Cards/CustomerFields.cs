using System.Net.Mail;

namespace Loyalty.Web.Cards;

/// <summary>The checks on a customer's enrolment fields, shared by the terminal API and the storefront's form.</summary>
public static class CustomerFields
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int EarliestBirthYear = 1900;

    public static bool IsEmail(string? email) =>
        email is { Length: > 2 and <= MaxEmailLength }
        && MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);

    public static bool IsName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaxNameLength && !name.Any(char.IsControl);

    /// <summary>An optional phone number: 3 to 32 digits, spaces, +, - or parentheses.</summary>
    public static bool IsPhone(string? phone) =>
        phone is { Length: >= 3 and <= 32 } && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');

    /// <summary>A birthday: a past date after 1900.</summary>
    public static bool IsBirthday(DateOnly day, DateOnly today) => day <= today && day.Year >= EarliestBirthYear;
}
