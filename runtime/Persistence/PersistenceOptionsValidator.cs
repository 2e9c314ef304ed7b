using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Persistence;

/// <summary>Rejects persistence settings the store cannot work with, at start-up rather than on the first write.</summary>
public sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add("PersistenceOptions.ServiceId must not be empty.");
        }

        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            failures.Add($"PersistenceOptions.MaxBatchSize must be between 1 and 10000 (was {options.MaxBatchSize}).");
        }

        if (options.MaxConcurrentCommits is < 1 or > 64)
        {
            failures.Add($"PersistenceOptions.MaxConcurrentCommits must be between 1 and 64 (was {options.MaxConcurrentCommits}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> are invalid.</summary>
    public static void ThrowIfInvalid(PersistenceOptions options)
    {
        var result = new PersistenceOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PersistenceOptions), result.Failures);
        }
    }
}
