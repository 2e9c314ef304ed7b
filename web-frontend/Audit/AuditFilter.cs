namespace Loyalty.Web.Audit;

/// <summary>
/// The audit page's filters: merchant (an owner's is always their own), action, actor (an account's e-mail or a raw
/// actor such as a token id or <c>device:{id}</c>), and a range of days, <paramref name="From"/> inclusive to
/// <paramref name="Until"/> exclusive.
/// </summary>
public sealed record AuditFilter(Guid? MerchantId, string? Action, string? Actor, DateTimeOffset? From, DateTimeOffset? Until);
