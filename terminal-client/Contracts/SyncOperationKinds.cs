namespace Loyalty.TerminalClient.Contracts;

/// <summary>The <c>kind</c> of a <see cref="SyncOperation"/>.</summary>
public static class SyncOperationKinds
{
    /// <summary>An enrolment (<c>POST /enrollments</c>).</summary>
    public const string Enrollment = "enrollment";

    /// <summary>Stamps (<c>POST /cards/{cardNumber}/stamps</c>).</summary>
    public const string Stamp = "stamp";

    /// <summary>A stamp reward redemption.</summary>
    public const string StampRedemption = "stampRedemption";

    /// <summary>Points for a purchase.</summary>
    public const string Points = "points";

    /// <summary>A points reward redemption.</summary>
    public const string PointRedemption = "pointRedemption";
}
