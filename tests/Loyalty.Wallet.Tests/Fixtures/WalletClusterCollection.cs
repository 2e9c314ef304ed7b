namespace Loyalty.Wallet.Tests.Fixtures;

/// <summary>The test classes that share one two-silo <see cref="WalletCluster"/> (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class WalletClusterCollection : ICollectionFixture<WalletCluster>
{
    public const string Name = "wallet cluster";
}
