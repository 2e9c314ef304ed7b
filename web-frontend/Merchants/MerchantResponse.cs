using Loyalty.GrainInterfaces.Merchants;

namespace Loyalty.Web.Merchants;

public sealed record MerchantResponse(Guid Id, string Name, string Slug, string DefaultLocale, DateTimeOffset CreatedAt)
{
    public static MerchantResponse From(MerchantDetails merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        return new(merchant.Id, merchant.Name, merchant.Slug, merchant.DefaultLocale, merchant.CreatedAt);
    }
}
