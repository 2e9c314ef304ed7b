namespace Loyalty.GrainInterfaces.Commands;

/// <summary>The machine codes grain commands refuse with; the admin API returns them as the problem <c>code</c>.</summary>
public static class CommandErrorCodes
{
    /// <summary>400: a field is missing or out of range (see <see cref="CommandError.Errors"/>).</summary>
    public const string Validation = "validation";

    /// <summary>409: a slug is taken, or the entity already exists.</summary>
    public const string Conflict = "conflict";

    /// <summary>404: the merchant the command refers to does not exist.</summary>
    public const string MerchantNotFound = "merchant-not-found";

    /// <summary>404: the store does not exist, or belongs to another merchant.</summary>
    public const string StoreNotFound = "store-not-found";

    /// <summary>404: the program does not exist, or belongs to another merchant.</summary>
    public const string ProgramNotFound = "program-not-found";
}
