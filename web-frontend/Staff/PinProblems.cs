using Loyalty.GrainInterfaces.Pins;
using Loyalty.Web.Problems;

namespace Loyalty.Web.Staff;

/// <summary>The terminal contract's answers for a PIN that is not accepted.</summary>
internal static class PinProblems
{
    public static IResult NotFound(string pinId) =>
        Problem.Create(StatusCodes.Status404NotFound, ProblemCodes.PinNotFound, "PIN not found", $"There is no staff PIN {pinId}.");

    public static IResult Forbidden() => Problem.Forbidden("The PIN belongs to another store.");

    public static IResult Invalid(int attemptsRemaining) => Problem.Create(
        StatusCodes.Status401Unauthorized,
        ProblemCodes.PinInvalid,
        "Wrong PIN",
        $"{attemptsRemaining} attempts remain before the PIN locks.",
        new Dictionary<string, object?> { ["attemptsRemaining"] = attemptsRemaining });

    public static IResult Locked(DateTimeOffset? lockedUntil) => Problem.Create(
        StatusCodes.Status423Locked,
        ProblemCodes.PinLocked,
        "PIN locked",
        "Too many failed attempts.",
        new Dictionary<string, object?> { ["lockedUntil"] = lockedUntil });
}
