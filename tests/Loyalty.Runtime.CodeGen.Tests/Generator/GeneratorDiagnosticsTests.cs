namespace Loyalty.Runtime.CodeGen.Tests.Generator;

public sealed class GeneratorDiagnosticsTests
{
    [Theory]
    [InlineData("int Count();", "LOYGEN001")]
    [InlineData("void Touch();", "LOYGEN001")]
    [InlineData("Task<int> Take(ref int amount);", "LOYGEN002")]
    [InlineData("Task Take(out int amount);", "LOYGEN002")]
    [InlineData("Task Take(in int amount);", "LOYGEN002")]
    [InlineData("Task<T> Echo<T>(T value);", "LOYGEN003")]
    [InlineData("Task Wait(CancellationToken cancellationToken);", "LOYGEN004")]
    [InlineData("Task Wait(CancellationToken? cancellationToken);", "LOYGEN004")]
    [InlineData("int Count { get; }", "LOYGEN005")]
    [InlineData("event System.EventHandler Changed;", "LOYGEN005")]
    [InlineData("Task Fill(System.Span<byte> buffer);", "LOYGEN009")]
    public void Generate_UnsupportedMember_ReportsOneErrorAndGeneratesNothing(string member, string expectedId)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CardGrain(member));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(expectedId, diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void Generate_NonTaskReturnType_MessageSaysWhatToReturn()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CardGrain("int Count();"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(
            "Grain method 'Sample.ICardGrain.Count' returns 'int'; change it to return Task, Task<T>, ValueTask or ValueTask<T>, since every grain call is asynchronous",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        // Zero-based: the member line of GeneratorHarness.CardGrain.
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Generate_CancellationTokenParameter_MessageSaysToRemoveIt()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CardGrain("Task Wait(CancellationToken token);"));

        Assert.Equal(
            "Parameter 'token' of grain method 'Sample.ICardGrain.Wait' is a CancellationToken, which cannot cross processes; remove it and give the grain a cancel method or a deadline argument instead",
            Assert.Single(run.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Generate_GenericInterface_ReportsLoygen006()
    {
        var run = GeneratorHarness.Run("""
            using Loyalty.Runtime.Core;
            namespace Sample;
            public interface IBoxGrain<T> : IGrainWithStringKey { }
            """);

        Assert.Equal(["LOYGEN006"], run.DiagnosticIds);
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void Generate_NestedInterface_ReportsLoygen008()
    {
        var run = GeneratorHarness.Run("""
            using Loyalty.Runtime.Core;
            namespace Sample;
            public static class Outer
            {
                public interface IInnerGrain : IGrainWithStringKey { }
            }
            """);

        Assert.Equal(["LOYGEN008"], run.DiagnosticIds);
    }

    [Fact]
    public void Generate_TwoInterfacesWithSameGrainType_ReportsLoygen007OnBoth()
    {
        var run = GeneratorHarness.Run("""
            using Loyalty.Runtime.Core;
            namespace Sample.Cards
            {
                public interface ICardGrain : IGrainWithStringKey { }
            }
            namespace Sample.Legacy
            {
                [GrainType("card")]
                public interface IOldCardGrain : IGrainWithGuidKey { }
            }
            """);

        Assert.Equal(["LOYGEN007", "LOYGEN007"], run.DiagnosticIds);
        Assert.Equal(
            "Grain interfaces 'Sample.Cards.ICardGrain' and 'Sample.Legacy.IOldCardGrain' both have the grain type name 'card'; give one of them [GrainType(\"...\")] with a distinct name, since the grain type identifies stored state",
            run.Diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("card/v2")]
    public void Generate_InvalidGrainTypeAttribute_ReportsLoygen010(string grainType)
    {
        var run = GeneratorHarness.Run($$"""
            using Loyalty.Runtime.Core;
            namespace Sample;
            [GrainType("{{grainType}}")]
            public interface ICardGrain : IGrainWithStringKey { }
            """);

        Assert.Equal(["LOYGEN010"], run.DiagnosticIds);
    }

    [Fact]
    public void Generate_BadMethodInPlainBaseInterface_ReportsOnGrainInterface()
    {
        var run = GeneratorHarness.Run("""
            using Loyalty.Runtime.Core;
            namespace Sample;
            public interface IHasName { string Name(); }
            public interface ICardGrain : IGrainWithStringKey, IHasName { }
            """);

        Assert.Equal(["LOYGEN001"], run.DiagnosticIds);
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void Generate_BadMethodInBaseGrainInterface_ReportsOnlyOnce()
    {
        var run = GeneratorHarness.Run("""
            using Loyalty.Runtime.Core;
            namespace Sample;
            public interface IBaseGrain : IGrainWithStringKey { int Count(); }
            public interface ICardGrain : IBaseGrain { }
            """);

        Assert.Equal(["LOYGEN001"], run.DiagnosticIds);
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void Generate_InterfaceExtendingOnlyIGrain_IsIgnored()
    {
        var run = GeneratorHarness.Run("""
            using Loyalty.Runtime.Core;
            namespace Sample;
            public interface IObserver : IGrain { int NotAGrainMethod(); }
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.HintNames);
    }
}
