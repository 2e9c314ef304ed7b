using System.ComponentModel.DataAnnotations;

namespace Loyalty.Grains.Customers;

/// <summary>Where customers reach the storefront: the base of every link put in an e-mail or a wallet pass.</summary>
public sealed class CustomerLinkOptions
{
    /// <summary>Configuration key of <see cref="PublicBaseUrl"/>.</summary>
    public const string Key = "Loyalty:PublicBaseUrl";

    /// <summary>The storefront's public address (scheme, host, port, optional path), e.g. <c>https://loyalty.example.com/</c>.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080/");
}
