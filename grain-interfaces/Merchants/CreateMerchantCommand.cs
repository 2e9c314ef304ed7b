namespace Loyalty.GrainInterfaces.Merchants;

/// <summary>Creates a merchant. Values are as the client sent them; the grain validates every field.</summary>
/// <param name="Name">Display name, 1 to 100 characters.</param>
/// <param name="Slug">URL name, unique across merchants: lower-case letters, digits and inner hyphens, at most 63.</param>
/// <param name="DefaultLocale">en, fr, de or lb; null means en.</param>
/// <param name="Actor">Who asks, for the audit log (an admin token id or "system").</param>
[GenerateSerializer]
[Immutable]
[Alias("loyalty.merchants.CreateMerchantCommand")]
public sealed record CreateMerchantCommand(
    [Id(0)] string? Name,
    [Id(1)] string? Slug,
    [Id(2)] string? DefaultLocale,
    [Id(3)] string Actor);
