using System.Text.Json;
using Loyalty.GrainInterfaces.Cards;

namespace Loyalty.Web.AdminSite.Cards;

/// <summary>A card status as <c>cards.status</c> and the APIs write it, and the admin stylesheet's badge class for it.</summary>
public static class CardBadges
{
    public static string StatusName(CardStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static string For(string status) => status switch
    {
        "active" => "ok",
        "blocked" => "danger",
        _ => "warning",
    };
}
