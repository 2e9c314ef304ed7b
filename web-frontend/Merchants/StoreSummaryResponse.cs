namespace Loyalty.Web.Merchants;

public sealed record StoreSummaryResponse(Guid Id, string Name, string Slug);
