namespace Loyalty.Web.Email;

/// <summary>The kinds of <see cref="EmailFieldError"/>: the admin pages' resource keys are <c>Error.{code}</c>.</summary>
public static class EmailFieldErrorCodes
{
    public const string Required = "required";

    /// <summary>Argument: the maximum length.</summary>
    public const string TooLong = "too-long";

    public const string ControlCharacters = "control-characters";

    public const string NotOneLine = "not-one-line";

    /// <summary>Arguments: the unknown variables, then the allowed ones (each as <c>{{name}}</c>, comma-separated).</summary>
    public const string UnknownVariables = "unknown-variables";

    public const string Host = "host";

    public const string Port = "port";

    public const string Security = "security";

    public const string Username = "username";

    public const string Address = "address";

    public const string Status = "status";

    public const string Template = "template";
}
