namespace Loyalty.GrainInterfaces.Merchants;

/// <summary>Creates a merchant. Values are as the client sent them; the grain validates every field.</summary>
/// <param name="Name">Display name, 1 to 100 characters.</param>
/// <param name="Slug">URL name, unique across merchants: lower-case letters, digits and inner hyphens, at most 63.</param>
/// <param name="DefaultLocale">en, fr, de or lb; null means en.</param>
/// <param name="Actor">Who asks, for the audit log (an admin token id or "system").</param>
public sealed record CreateMerchantCommand(string? Name, string? Slug, string? DefaultLocale, string Actor);
