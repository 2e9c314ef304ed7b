using Loyalty.Grains.Pins;

namespace Loyalty.Grains.Tests.Pins;

public sealed class PinHasherTests
{
    [Fact]
    public void Hash_Pin_IsBcrypt2bCost10WithFreshSalt()
    {
        var first = PinHasher.Hash("4821");
        var second = PinHasher.Hash("4821");

        Assert.StartsWith("$2b$10$", first, StringComparison.Ordinal);
        Assert.Equal(60, first.Length);
        Assert.NotEqual(first, second);
        Assert.True(SystemCrypt.Verify("4821", first));
    }

    [Fact]
    public void Verify_RightAndWrongPin_AnswersAccordingly()
    {
        var hash = PinHasher.Hash("90817263");

        Assert.True(PinHasher.Verify("90817263", hash));
        Assert.False(PinHasher.Verify("90817264", hash));
        Assert.False(PinHasher.Verify("9081726", hash));
    }

    [Fact]
    public void Verify_HashMadeElsewhere_IsAccepted()
    {
        // A $2a$ hash of lower cost, as another bcrypt implementation (or an older tablet build) would write it.
        var hash = SystemCrypt.Hash("1234", "$2a$04$......................");

        Assert.True(PinHasher.Verify("1234", hash));
        Assert.False(PinHasher.Verify("4321", hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$2x$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234")]
    [InlineData("$2b$10$!!!!!!!!!!!!!!!!!!!!!!abcdefghijklmnopqrstuvwxyz01234")]
    public void Verify_MalformedHash_IsFalse(string hash)
    {
        Assert.False(PinHasher.Verify("1234", hash));
    }
}
