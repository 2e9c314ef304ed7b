using Loyalty.Grains.Stores;
using Loyalty.GrainInterfaces.Stores;

namespace Loyalty.Grains.Tests.Stores;

public sealed class StoreValidatorTests
{
    [Theory]
    [InlineData("Europe/Luxembourg")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    public void FindIanaTimeZone_IanaId_IsFound(string id)
    {
        Assert.Equal(id, StoreValidator.FindIanaTimeZone(id)?.Id);
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Europe/Nowhere")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("")]
    public void FindIanaTimeZone_OtherIds_AreRefused(string id)
    {
        Assert.Null(StoreValidator.FindIanaTimeZone(id));
    }

    [Fact]
    public void Validate_EveryFieldWrong_NamesEveryField()
    {
        var command = new CreateStoreCommand(
            Guid.NewGuid(),
            "",
            "Bad Slug",
            "Mars/Olympus",
            new Dictionary<string, string?> { ["es"] = "Hola", ["fr"] = null, ["de"] = new string('x', StoreValidator.MaxDescriptionLength + 1) },
            "system");

        var errors = StoreValidator.Validate(command).ToDictionary();

        Assert.Equal(["descriptions.de", "descriptions.es", "descriptions.fr", "name", "slug", "timeZone"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_Minimal_IsValid()
    {
        var command = new CreateStoreCommand(Guid.NewGuid(), "Store", "store", null, null, "system");

        Assert.True(StoreValidator.Validate(command).IsEmpty);
    }
}
