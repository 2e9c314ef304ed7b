namespace Loyalty.Wallet.Api;

/// <summary>The service-account key cannot be used (missing, unreadable, not a service-account key). Never carries the key.</summary>
public sealed class GoogleWalletConfigurationException : Exception
{
    public GoogleWalletConfigurationException()
    {
    }

    public GoogleWalletConfigurationException(string message)
        : base(message)
    {
    }

    public GoogleWalletConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
