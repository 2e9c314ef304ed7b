using Loyalty.Web.AdminSite;
using Loyalty.Web.Email;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Pages.Admin.Email;

/// <summary>The shared services' field errors as the pages' localized field messages (<c>Error.{code}</c> in <see cref="EmailStrings"/>).</summary>
public static class EmailFieldErrorMessages
{
    /// <param name="fieldKey">The form field (model state key) of an error's API field name.</param>
    public static void AddTo(ModelStateDictionary modelState, IEnumerable<EmailFieldError> errors, IStringLocalizer<EmailStrings> text, Func<string, string> fieldKey)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fieldKey);
        foreach (var error in errors)
        {
            modelState.AddModelError(fieldKey(error.Field), text[$"Error.{error.Code}", [.. error.Arguments]]);
        }
    }
}
