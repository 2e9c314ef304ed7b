namespace Loyalty.Runtime.Core;

/// <summary>
/// A grain call on another silo failed with an exception that the cluster transport does not re-create by type
/// (the runtime's own exceptions, <see cref="ArgumentException"/>, <see cref="InvalidOperationException"/> and
/// <see cref="KeyNotFoundException"/> are re-created as themselves), or the silo refused the request itself.
/// Carries the remote exception's type name and message, never its stack trace.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException()
    {
    }

    public RemoteGrainException(string message)
        : base(message)
    {
    }

    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RemoteGrainException(string remoteType, string remoteMessage, string call, string silo)
        : base($"{call} failed on silo {silo} with {remoteType}: {remoteMessage}")
    {
        RemoteType = remoteType;
        RemoteMessage = remoteMessage;
    }

    /// <summary>Full name of the exception type on the remote silo.</summary>
    public string? RemoteType { get; }

    /// <summary>The remote exception's message.</summary>
    public string? RemoteMessage { get; }
}
