namespace Loyalty.Web.Problems;

/// <summary>The machine-readable <c>code</c> of every problem+json answer (see shared contracts).</summary>
public static class ProblemCodes
{
    public const string Validation = "validation";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string Unavailable = "unavailable";
    public const string Internal = "internal";
}
