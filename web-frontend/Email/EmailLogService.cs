using Loyalty.Email.Dispatch;
using Loyalty.Email.Log;
using Loyalty.Email.Templates;

namespace Loyalty.Web.Email;

/// <summary>
/// The e-mail log and resending a message: what the admin API's log endpoints and the admin log page both do, with the
/// same filters and the same resend rule.
/// </summary>
public sealed class EmailLogService(EmailLog log, OutboxQueue queue, TimeProvider time)
{
    /// <summary>The templates a log filter may name: the catalog's and the test e-mail's.</summary>
    public static IReadOnlyList<string> Templates { get; } = [.. EmailTemplateNames.All, EmailTemplateNames.Test];

    /// <summary>The field errors of a filter's status and template, in the order the API lists them.</summary>
    public static IReadOnlyList<EmailFieldError> ValidateFilter(string? status, string? template)
    {
        var errors = new List<EmailFieldError>();
        if (status is not null && !EmailLogStatus.All.Contains(status))
        {
            errors.Add(new EmailFieldError("status", EmailFieldErrorCodes.Status, $"Must be one of {string.Join(", ", EmailLogStatus.All)}."));
        }

        if (template is not null && !Templates.Contains(template, StringComparer.Ordinal))
        {
            errors.Add(new EmailFieldError("template", EmailFieldErrorCodes.Template,
                $"Must be one of {string.Join(", ", EmailTemplateNames.All)}, {EmailTemplateNames.Test}."));
        }

        return errors;
    }

    public Task<EmailLogPage> PageAsync(EmailLogFilter filter, CancellationToken cancellationToken) => log.PageAsync(filter, cancellationToken);

    /// <summary>Makes a message of the merchant (null: any merchant) due again at once, unless it is being sent.</summary>
    public async Task<ResendOutcome> ResendAsync(long messageId, Guid? merchantId, CancellationToken cancellationToken)
    {
        if (await queue.ResendAsync(messageId, merchantId, time.GetUtcNow(), cancellationToken))
        {
            return ResendOutcome.Queued;
        }

        return await queue.ExistsAsync(messageId, merchantId, cancellationToken) ? ResendOutcome.Sending : ResendOutcome.NotFound;
    }
}
