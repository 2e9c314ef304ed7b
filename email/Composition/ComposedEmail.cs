using MimeKit;

namespace Loyalty.Email.Composition;

/// <summary>A message ready to send, with what the e-mail log records about it.</summary>
public sealed record ComposedEmail(MimeMessage Message, string Recipient, string Locale, string Subject);
