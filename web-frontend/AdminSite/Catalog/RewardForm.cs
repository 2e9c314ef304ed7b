namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>One row of the program editor's reward catalogue; <see cref="Id"/> is empty for a reward not saved yet.</summary>
public sealed class RewardForm
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public long? PointsCost { get; set; }

    public bool IsBlank => string.IsNullOrEmpty(Id) && string.IsNullOrWhiteSpace(Name) && PointsCost is null;
}
