namespace Loyalty.Web.Problems;

public static class IdempotencyKeyEndpointExtensions
{
    /// <summary>Declares that the endpoint's request carries an idempotency key (see <see cref="IdempotencyKeyMetadata"/>).</summary>
    public static TBuilder TakesIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotencyKeyMetadata.Instance);
}
