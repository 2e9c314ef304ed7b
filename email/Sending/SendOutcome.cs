namespace Loyalty.Email.Sending;

/// <summary>What became of one message: sent (the server's reply), failed (the reply or error), or written to a file.</summary>
public sealed record SendOutcome(string Status, string Detail);
