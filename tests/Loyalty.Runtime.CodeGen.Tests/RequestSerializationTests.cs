using System.Buffers;
using System.Text;
using System.Text.Json;
using Loyalty.Runtime.CodeGen.Tests.Grains;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Invocation;

namespace Loyalty.Runtime.CodeGen.Tests;

public sealed class RequestSerializationTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private readonly RecordingInvoker _invoker = new();

    [Fact]
    public async Task WriteArguments_RecordAndNullString_WritesTypedJsonArray()
    {
        await Proxy<IWalletGrain>().PayAsync(new Payment("EUR", 12.5m), null);

        var json = Write(_invoker.SingleRequest);

        Assert.Equal("""[{"currency":"EUR","amount":12.5},null]""", json);
    }

    [Fact]
    public async Task Read_WrittenArguments_RoundTripsRecordAndNullString()
    {
        var payment = new Payment("EUR", 12.5m);
        await Proxy<IWalletGrain>().PayAsync(payment, null);
        var original = _invoker.SingleRequest;

        var copy = Read(typeof(IWalletGrain), original.MethodId, Write(original), out var lastToken);

        Assert.Equal(original.GetType(), copy.GetType());
        Assert.Equal(payment, copy.GetArgument(0));
        Assert.Null(copy.GetArgument(1));
        Assert.Equal(JsonTokenType.EndArray, lastToken);
    }

    [Fact]
    public async Task Read_WrittenArguments_RoundTripsOverloadArguments()
    {
        await Proxy<ICounterGrain>().AddAsync(3, "late");
        var original = _invoker.SingleRequest;

        var copy = Read(typeof(ICounterGrain), original.MethodId, Write(original), out _);

        Assert.Equal("AddAsync(int,string)", copy.MethodId);
        Assert.Equal(3, copy.GetArgument(0));
        Assert.Equal("late", copy.GetArgument(1));
    }

    [Fact]
    public void Read_NoArguments_ReturnsRequestAndStopsOnEndArray()
    {
        var copy = Read(typeof(ICounterGrain), "GetAsync()", "[]", out var lastToken);

        Assert.Equal("GetAsync()", copy.MethodId);
        Assert.Equal(0, copy.ArgumentCount);
        Assert.Equal(JsonTokenType.EndArray, lastToken);
    }

    [Fact]
    public void Read_NullableValueArgument_ReadsNull()
    {
        var copy = Read(typeof(IWalletGrain), "GetHistoryAsync(int?)", "[null]", out _);

        Assert.Null(copy.GetArgument(0));
    }

    [Fact]
    public void Read_TooManyArguments_ThrowsJsonExceptionNamingTheCount()
    {
        var error = Assert.Throws<JsonException>(() => Read(typeof(ICounterGrain), "AddAsync(int)", "[1,2]", out _));

        Assert.Equal(
            "Loyalty.Runtime.CodeGen.Tests.Grains.ICounterGrain.AddAsync(int) takes 1 argument(s) but the JSON array has more.",
            error.Message);
    }

    [Fact]
    public void Read_TooFewArguments_ThrowsJsonExceptionNamingTheCount()
    {
        var error = Assert.Throws<JsonException>(() => Read(typeof(ICounterGrain), "AddAsync(int,string)", "[1]", out _));

        Assert.Equal(
            "Loyalty.Runtime.CodeGen.Tests.Grains.ICounterGrain.AddAsync(int,string) takes 2 argument(s) but the JSON array has fewer.",
            error.Message);
    }

    [Fact]
    public void Read_ObjectInsteadOfArray_ThrowsJsonException()
    {
        var error = Assert.Throws<JsonException>(() => Read(typeof(ICounterGrain), "AddAsync(int)", "{}", out _));

        Assert.Equal(
            "The arguments of Loyalty.Runtime.CodeGen.Tests.Grains.ICounterGrain.AddAsync(int) must be a JSON array.",
            error.Message);
    }

    private static string Write(GrainRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteArguments(writer, Options);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static GrainRequest Read(Type interfaceType, string methodId, string json, out JsonTokenType lastToken)
    {
        var read = GrainInterfaceRegistry.Get(interfaceType).Methods[methodId];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var request = read(ref reader, Options);
        lastToken = reader.TokenType;
        return request;
    }

    private TGrain Proxy<TGrain>() =>
        (TGrain)(object)GrainInterfaceRegistry.Get(typeof(TGrain)).ProxyFactory(GrainId.Create("test", "1"), _invoker);
}
