using Loyalty.Email.Log;
using Loyalty.Web.Admin;
using Loyalty.Web.Merchants;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Email;

/// <summary>
/// The e-mail log: every attempt with its outcome and the reason of each failure, filtered by status, recipient and
/// template; and resending a message. Platform admins see every merchant's (<c>/email/log</c>), merchant owners their
/// own (<c>/merchants/{merchantId}/email/log</c>).
/// </summary>
public static class EmailLogEndpoints
{
    public static RouteGroupBuilder MapPlatformEmailLogEndpoints(this RouteGroupBuilder platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        platform.MapGet("/email/log", (string? status, string? recipient, string? template, string? page, string? pageSize, EmailLogService log, CancellationToken cancellationToken) =>
                GetAsync(null, status, recipient, template, page, pageSize, log, cancellationToken))
            .WithName("GetEmailLog")
            .WithSummary("Every e-mail attempt and test e-mail, newest first (platform admins; ?status=&recipient=&template=&page=1&pageSize=50).")
            .Produces<EmailLogResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return platform;
    }

    public static RouteGroupBuilder MapMerchantEmailLogEndpoints(this RouteGroupBuilder merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        merchant.MapGet("/email/log", async (Guid merchantId, string? status, string? recipient, string? template, string? page, string? pageSize, EmailLogService log, MerchantReadModel merchants, CancellationToken cancellationToken) =>
                await merchants.FindDefaultLocaleAsync(merchantId, cancellationToken) is null
                    ? Problem.MerchantNotFound($"Merchant {merchantId} does not exist.")
                    : await GetAsync(merchantId, status, recipient, template, page, pageSize, log, cancellationToken))
            .WithName("GetMerchantEmailLog")
            .WithSummary("The merchant's e-mail attempts, newest first (?status=sent|failed|gave-up|not-sent&recipient=&template=&page=1&pageSize=50).")
            .Produces<EmailLogResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        merchant.MapPost("/email/messages/{messageId:long}/resend", ResendAsync)
            .WithName("ResendEmail")
            .WithSummary("Sends a message again (sent, given up or waiting for a retry): due at once, with a fresh count of attempts.")
            .Produces<ResendResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return merchant;
    }

    private static async Task<IResult> GetAsync(
        Guid? merchantId, string? status, string? recipient, string? template, string? page, string? pageSize, EmailLogService log, CancellationToken cancellationToken)
    {
        var problem = EmailFieldError.ToProblem(EmailLogService.ValidateFilter(status, template));
        var (pageNumber, size) = AdminPaging.Parse(page, pageSize, problem);
        if (problem.HasErrors)
        {
            return problem.ToResult();
        }

        var found = await log.PageAsync(new EmailLogFilter(merchantId, status, recipient, template, pageNumber, size), cancellationToken);
        return TypedResults.Ok(new EmailLogResponse(
            [.. found.Items.Select(e => new EmailLogEntryResponse(e.Id, e.MessageId, e.MerchantId, e.Template, e.Locale, e.Recipient, e.Subject, e.Attempt, e.Status, e.Detail, e.OccurredAt))],
            found.Page, found.PageSize, found.Total));
    }

    private static async Task<IResult> ResendAsync(Guid merchantId, long messageId, EmailLogService log, CancellationToken cancellationToken) =>
        await log.ResendAsync(messageId, merchantId, cancellationToken) switch
        {
            ResendOutcome.Queued => TypedResults.Accepted((string?)null, new ResendResponse(messageId, "queued")),
            ResendOutcome.Sending => Problem.Create(StatusCodes.Status409Conflict, ProblemCodes.EmailMessageSending, "Being sent",
                $"Message {messageId} is being sent right now; see the e-mail log."),
            _ => Problem.Create(StatusCodes.Status404NotFound, ProblemCodes.EmailMessageNotFound, "E-mail message not found",
                $"The merchant has no e-mail message {messageId}."),
        };
}
