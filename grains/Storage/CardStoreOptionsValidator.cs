using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Storage;

/// <summary>Rejects card store settings it cannot work with, at start-up rather than on the first write.</summary>
public sealed class CardStoreOptionsValidator : IValidateOptions<CardStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CardStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            failures.Add($"{CardStoreOptions.SectionName}:MaxBatchSize must be between 1 and 10000 (was {options.MaxBatchSize}).");
        }

        if (options.MaxConcurrentCommits is < 1 or > 64)
        {
            failures.Add($"{CardStoreOptions.SectionName}:MaxConcurrentCommits must be between 1 and 64 (was {options.MaxConcurrentCommits}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> are invalid.</summary>
    public static void ThrowIfInvalid(CardStoreOptions options)
    {
        var result = new CardStoreOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(CardStoreOptions), result.Failures);
        }
    }
}
