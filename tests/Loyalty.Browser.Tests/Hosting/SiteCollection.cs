namespace Loyalty.Browser.Tests.Hosting;

/// <summary>One frontend and one Chromium for the browser tests that share them (starting either takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteApp>
{
    public const string Name = "site";
}
