using System.Net;
using Microsoft.Extensions.Options;

namespace Loyalty.Runtime.Transport;

internal sealed class ClusterTransportOptionsValidator : IValidateOptions<ClusterTransportOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ClusterPort is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            failures.Add($"{ClusterTransportOptions.ClusterPortKey} must be between 0 (any free port) and 65535; it is {options.ClusterPort}.");
        }

        if (options.Secret is { } secret && secret.Trim().Length < ClusterTransportOptions.MinimumSecretLength)
        {
            failures.Add($"{ClusterTransportOptions.SecretKey} must be at least {ClusterTransportOptions.MinimumSecretLength} characters when set.");
        }

        if (options.AdvertisedHost is { } host && Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            failures.Add($"{ClusterTransportOptions.AdvertisedHostKey} '{host}' is not a host name or IP address.");
        }

        if (options.MaxRequestBodySize < 1024)
        {
            failures.Add($"{ClusterTransportOptions.MaxRequestBodySizeKey} must be at least 1024 bytes; it is {options.MaxRequestBodySize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
