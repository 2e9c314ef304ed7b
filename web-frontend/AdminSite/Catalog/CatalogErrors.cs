using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Loyalty.Web.AdminSite.Catalog;

/// <summary>
/// Puts a validator's field errors (the admin API's camelCase paths: <c>name</c>, <c>rewards[1].pointsCost</c>,
/// <c>descriptions.fr</c>) on the form's fields (<c>Form.Name</c>, <c>Form.Rewards[1].PointsCost</c>,
/// <c>Form.Descriptions.Fr</c>), so each message shows beside its field.
/// </summary>
public static class CatalogErrors
{
    /// <param name="rename">Changes a path before it is capitalized (a reward's index in the request → its row in the form).</param>
    public static void AddTo(
        ModelStateDictionary modelState, string prefix, IReadOnlyDictionary<string, IReadOnlyList<string>>? errors, Func<string, string>? rename = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var (field, messages) in errors ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            // An error of no field (a refusal's message) belongs to the whole form.
            var key = field.Length == 0 ? "" : $"{prefix}.{FormPath(rename is null ? field : rename(field))}";
            foreach (var message in messages)
                modelState.AddModelError(key, message);
        }
    }

    /// <summary><c>rewards[1].pointsCost</c> → <c>Rewards[1].PointsCost</c>.</summary>
    public static string FormPath(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
