using Loyalty.GrainInterfaces.Stores;
using Loyalty.Web.Stores;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>The store form: the slug only when creating (it stays afterwards), the rest both ways.</summary>
public sealed class StoreForm
{
    public string? Name { get; set; }

    public string? Slug { get; set; }

    public string? TimeZone { get; set; } = StoreDefaults.TimeZone;

    public LocalizedTexts Descriptions { get; set; } = new();

    public static StoreForm From(StoreDetails store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new StoreForm { Name = store.Name, Slug = store.Slug, TimeZone = store.TimeZone, Descriptions = LocalizedTexts.From(store.Descriptions) };
    }

    public CreateStoreRequest ToCreateRequest() => new(Name, Slug, TimeZone, Descriptions.ToDictionary());

    public UpdateStoreRequest ToUpdateRequest() => new(Name, TimeZone, Descriptions.ToDictionary());
}
