using Loyalty.Database;
using Loyalty.Email.Log;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Loyalty.Email.Sending;

/// <summary>
/// The embedded default's stand-in for an SMTP server: with none configured, each message is written as an .eml file
/// under <c>{Loyalty:DataDirectory}/mail</c> and logged as not sent, so a new user sees what would have gone out.
/// </summary>
public sealed class EmlDropFolder(IOptions<DatabaseOptions> database)
{
    public const string NotSentReason = "not sent: no SMTP server configured";

    public string Directory => Path.GetFullPath(Path.Combine(database.Value.DataDirectory, "mail"));

    public async Task<SendOutcome> WriteAsync(MimeMessage message, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, fileName + ".eml");
        await message.WriteToAsync(path, cancellationToken);
        return new SendOutcome(EmailLogStatus.NotSent, $"{NotSentReason}; written to {path}");
    }
}
