namespace Loyalty.Web.Storefront;

/// <summary>A text chosen among a record's translations, and its language (for a <c>lang</c> attribute when it is not the page's).</summary>
public sealed record LocalizedChoice(string Text, string Language);
