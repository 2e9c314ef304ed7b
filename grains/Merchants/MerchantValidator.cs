using Loyalty.Grains.Rules;
using Loyalty.GrainInterfaces.Merchants;
using Loyalty.GrainInterfaces.Programs;

namespace Loyalty.Grains.Merchants;

/// <summary>Checks a <see cref="CreateMerchantCommand"/> field by field (admin API camelCase names).</summary>
public static class MerchantValidator
{
    public static FieldErrors Validate(CreateMerchantCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        TextRules.Name(errors, "name", command.Name);
        TextRules.Slug(errors, "slug", command.Slug);
        if (command.DefaultLocale is not null && !Locales.Supported.Contains(command.DefaultLocale, StringComparer.Ordinal))
            errors.Add("defaultLocale", $"Must be one of {string.Join(", ", Locales.Supported)}.");
        return errors;
    }
}
