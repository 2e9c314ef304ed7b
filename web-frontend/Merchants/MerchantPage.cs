namespace Loyalty.Web.Merchants;

/// <summary>One page of merchants, oldest first.</summary>
public sealed record MerchantPage(IReadOnlyList<MerchantSummaryResponse> Items, int Page, int PageSize, long Total);
