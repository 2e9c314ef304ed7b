namespace Loyalty.Web.Merchants;

/// <summary>A merchant in the admin list, with its stores' ids and names: what a newcomer needs to call the other endpoints.</summary>
public sealed record MerchantSummaryResponse(
    Guid Id, string Name, string Slug, string DefaultLocale, DateTimeOffset CreatedAt, IReadOnlyList<StoreSummaryResponse> Stores);
