namespace Loyalty.Web.AdminSite;

/// <summary>
/// The <c>_Confirm</c> partial's model: a destructive action behind a disclosure, without JavaScript. The summary opens
/// it; the real form posts to <paramref name="Action"/> (with <paramref name="Fields"/> as hidden inputs) when the
/// clear confirm button is pressed.
/// </summary>
/// <param name="Summary">The closed disclosure's text, e.g. "Void…".</param>
/// <param name="Question">What will happen, in a sentence.</param>
/// <param name="Button">The confirm button, e.g. "Yes, void this transaction".</param>
public sealed record AdminConfirm(string Summary, string Question, string Button, string Action, IReadOnlyDictionary<string, string>? Fields = null);
