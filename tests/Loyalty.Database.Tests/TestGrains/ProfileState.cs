namespace Loyalty.Database.Tests.TestGrains;

[GenerateSerializer]
public sealed class ProfileState
{
    [Id(0)]
    public string Name { get; set; } = string.Empty;

    [Id(1)]
    public int Writes { get; set; }
}
