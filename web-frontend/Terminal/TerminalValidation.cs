using System.Net.Mail;
using Loyalty.GrainInterfaces.Cards;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Terminal;

/// <summary>Field checks shared by the terminal endpoints and /sync, with the contract's field names.</summary>
public static class TerminalValidation
{
    public const int MaxIdempotencyKeyLength = 128;
    public const long MaxPurchaseAmountMinor = 100_000_000_000;
    private static readonly string[] Locales = ["en", "fr", "de", "lb"];

    public static ValidationProblem Common(this ValidationProblem problem, Guid? pinId, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem
            .When(pinId is null || pinId == Guid.Empty, "pinId", "pinId is required.")
            .IdempotencyKey(idempotencyKey);
    }

    /// <summary>The idempotency key of both APIs: 1 to 128 characters, none of them a control character.</summary>
    public static ValidationProblem IdempotencyKey(this ValidationProblem problem, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem
            .When(string.IsNullOrEmpty(idempotencyKey) || idempotencyKey.Length > MaxIdempotencyKeyLength, "idempotencyKey", $"idempotencyKey is 1 to {MaxIdempotencyKeyLength} characters.")
            .Text("idempotencyKey", idempotencyKey);
    }

    /// <summary>
    /// A tablet's <c>occurredAt</c>, when it sends one: not before the device was paired (less
    /// <see cref="PairingClockSkew"/> for a tablet clock running behind) and not older than the offline window. Later
    /// than now is allowed: the rules never judge an operation later than when the server received it.
    /// </summary>
    public static ValidationProblem OccurredAt(this ValidationProblem problem, DateTimeOffset? occurredAt, TerminalDevice device, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(device);
        var earliest = Max(device.PairedAt - PairingClockSkew, now - window);
        return problem.When(
            occurredAt < earliest,
            "occurredAt",
            $"occurredAt is at most {window.TotalDays:0} days old and not before the device was paired ({earliest:O} at the earliest).");
    }

    /// <summary>How far a tablet's clock may run behind the server's around pairing.</summary>
    public static readonly TimeSpan PairingClockSkew = TimeSpan.FromMinutes(5);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public static ValidationProblem CardNumber(this ValidationProblem problem, string? cardNumber)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var validation = CardNumbers.Validate(cardNumber);
        return problem.When(!validation.IsValid, "cardNumber", validation.Reason ?? "The card number is not valid.");
    }

    public static ValidationProblem Count(this ValidationProblem problem, int? count) =>
        problem.When(count is null or < 1 or > 10, "count", "count is 1 to 10.");

    public static ValidationProblem Purchase(this ValidationProblem problem, long? amountMinor, string? currency) => problem
        .When(amountMinor is null or < 1 or > MaxPurchaseAmountMinor, "purchaseAmountMinor", $"purchaseAmountMinor is 1 to {MaxPurchaseAmountMinor} (minor units).")
        .When(currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetter), "currency", "currency is a three-letter ISO 4217 code.");

    public static ValidationProblem Reward(this ValidationProblem problem, string? rewardId) =>
        problem.When(string.IsNullOrWhiteSpace(rewardId) || rewardId.Length > 64, "rewardId", "rewardId is required.").Text("rewardId", rewardId);

    public static ValidationProblem Customer(this ValidationProblem problem, Guid? programId, string? email, string? name, string? phone, DateOnly? birthday, string? locale, DateOnly today) => problem
        .When(programId is null || programId == Guid.Empty, "programId", "programId is required.")
        .When(!IsEmail(email), "email", "email must be a valid e-mail address.")
        .Text("email", email)
        .When(string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200, "name", "name is 1 to 200 characters.")
        .Text("name", name)
        .When(phone is not null && (phone.Length is < 3 or > 32 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')), "phone", "phone is 3 to 32 digits, spaces, +, - or parentheses.")
        .When(birthday is { } day && (day > today || day.Year < 1900), "birthday", "birthday must be a past date after 1900.")
        .When(locale is not null && !Locales.Contains(locale), "locale", "locale is en, fr, de or lb.");

    private static bool IsEmail(string? email) =>
        email is { Length: > 2 and <= 254 }
        && MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);
}
