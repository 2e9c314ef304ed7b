using Loyalty.GrainInterfaces.Commands;

namespace Loyalty.Web.Problems;

/// <summary>Maps a grain's <see cref="CommandError"/> to the admin API's problem answer.</summary>
public static class CommandProblems
{
    public static IResult ToProblem(CommandError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        switch (error.Code)
        {
            case CommandErrorCodes.Validation:
                var problem = new ValidationProblem();
                foreach (var (field, messages) in error.Errors ?? new Dictionary<string, IReadOnlyList<string>>())
                {
                    foreach (var message in messages)
                        problem.Add(field, message);
                }

                return problem.HasErrors ? problem.ToResult() : problem.Add("body", error.Message).ToResult();
            case CommandErrorCodes.Conflict:
                return Problem.Create(StatusCodes.Status409Conflict, ProblemCodes.Conflict, "Conflict", error.Message);
            case CommandErrorCodes.MerchantNotFound:
                return Problem.MerchantNotFound(error.Message);
            case CommandErrorCodes.StoreNotFound:
                return Problem.StoreNotFound(error.Message);
            case CommandErrorCodes.ProgramNotFound:
                return Problem.ProgramNotFound(error.Message);
            default:
                return Problem.Create(StatusCodes.Status422UnprocessableEntity, error.Code, "Refused", error.Message);
        }
    }
}
