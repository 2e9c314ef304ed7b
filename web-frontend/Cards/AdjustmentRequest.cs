namespace Loyalty.Web.Cards;

/// <summary>A correction by an admin: signed stamps and/or points, with the reason the customer will see.</summary>
public sealed record AdjustmentRequest(int? StampsDelta, long? PointsDelta, string? Reason, string? IdempotencyKey);
