using Loyalty.GrainInterfaces.Cards;
using Loyalty.Web.Cards;
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
            .When(string.IsNullOrEmpty(idempotencyKey) || idempotencyKey.Length > MaxIdempotencyKeyLength, "idempotencyKey", $"idempotencyKey is 1 to {MaxIdempotencyKeyLength} characters.")
            .When(idempotencyKey is not null && idempotencyKey.Any(char.IsControl), "idempotencyKey", "idempotencyKey must not contain control characters.");
    }

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
        problem.When(string.IsNullOrWhiteSpace(rewardId) || rewardId.Length > 64, "rewardId", "rewardId is required.");

    public static ValidationProblem Customer(this ValidationProblem problem, Guid? programId, string? email, string? name, string? phone, DateOnly? birthday, string? locale, DateOnly today) => problem
        .When(programId is null || programId == Guid.Empty, "programId", "programId is required.")
        .When(!CustomerFields.IsEmail(email), "email", "email must be a valid e-mail address.")
        .When(string.IsNullOrWhiteSpace(name) || name.Trim().Length > CustomerFields.MaxNameLength, "name", "name is 1 to 200 characters.")
        .When(phone is not null && !CustomerFields.IsPhone(phone), "phone", "phone is 3 to 32 digits, spaces, +, - or parentheses.")
        .When(birthday is { } day && !CustomerFields.IsBirthday(day, today), "birthday", "birthday must be a past date after 1900.")
        .When(locale is not null && !Locales.Contains(locale), "locale", "locale is en, fr, de or lb.");
}
