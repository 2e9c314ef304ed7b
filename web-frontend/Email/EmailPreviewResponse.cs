namespace Loyalty.Web.Email;

/// <summary>A template filled with sample values (the QR code inlined as a <c>data:</c> image).</summary>
public sealed record EmailPreviewResponse(string Subject, string Html, string Text);
