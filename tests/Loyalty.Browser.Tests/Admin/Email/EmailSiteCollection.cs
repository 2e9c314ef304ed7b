namespace Loyalty.Browser.Tests.Admin.Email;

/// <summary>The admin e-mail browser tests share one site and its SMTP server, whose behaviour they switch in turn.</summary>
[CollectionDefinition(Name)]
public sealed class EmailSiteCollection : ICollectionFixture<EmailSiteApp>
{
    public const string Name = "admin-email-site";
}
