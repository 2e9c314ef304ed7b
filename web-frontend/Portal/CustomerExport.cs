namespace Loyalty.Web.Portal;

/// <summary>The self-service data export: everything held on the customer (one e-mail) at one merchant.</summary>
public sealed record CustomerExport(DateTimeOffset ExportedAt, string Email, ExportMerchant Merchant, IReadOnlyList<ExportCard> Cards);
