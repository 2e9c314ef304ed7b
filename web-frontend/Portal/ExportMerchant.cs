namespace Loyalty.Web.Portal;

public sealed record ExportMerchant(string Name, string Slug);
