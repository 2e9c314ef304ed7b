namespace Loyalty.Runtime.Core;

/// <summary>A grain could not be activated (its state could not be read, or its OnActivateAsync failed).</summary>
public sealed class GrainActivationException : Exception
{
    public GrainActivationException()
    {
    }

    public GrainActivationException(string message)
        : base(message)
    {
    }

    public GrainActivationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
