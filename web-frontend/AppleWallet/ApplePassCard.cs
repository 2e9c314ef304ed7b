using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Web.AppleWallet;

/// <summary>What a card's pass shows, read from the card's row (<c>cards</c>, written with every card operation) and its program.</summary>
/// <param name="ModifiedAt">The row's <c>modified_at</c>: the pass's Last-Modified and the "updated since" tag's clock.</param>
public sealed record ApplePassCard(
    string CardNumber,
    string MerchantName,
    string MerchantSlug,
    string CustomerLocale,
    int Stamps,
    int RewardsAvailable,
    long Points,
    string Tier,
    bool Active,
    DateTimeOffset ModifiedAt,
    ProgramDefinition Program);
