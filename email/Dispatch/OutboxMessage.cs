namespace Loyalty.Email.Dispatch;

/// <summary>
/// An outbox message claimed for sending, with what its e-mail needs from the read models: the card's customer
/// (null when the card row is missing) and the merchant (null when unknown). Messages addressed by their payload (a
/// portal sign-in link, an admin's password reset link) may have no card, and a reset link no merchant.
/// </summary>
public sealed record OutboxMessage(
    long Id,
    string Topic,
    Guid? MerchantId,
    string? CardNumber,
    string Payload,
    int Attempt,
    string? CustomerName,
    string? CustomerEmail,
    string? CustomerLocale,
    string? MerchantName,
    string? MerchantSlug);
