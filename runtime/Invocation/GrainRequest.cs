using System.Text.Json;
using Loyalty.Runtime.Core;
using Loyalty.Runtime.Transport;

namespace Loyalty.Runtime.Invocation;

/// <summary>
/// One call to one grain method with its arguments. The build-time generator emits a sealed subclass per
/// interface method, so dispatch is a virtual call and a cast: no reflection on the call path.
/// </summary>
public abstract class GrainRequest
{
    /// <summary>Full name of the grain interface that declares the method.</summary>
    public abstract string InterfaceName { get; }

    /// <summary>The method's name as written in the interface.</summary>
    public abstract string MethodName { get; }

    /// <summary>Unique within the interface: the method name and its parameter types.</summary>
    public abstract string MethodId { get; }

    public virtual InvokeMethodOptions Options => InvokeMethodOptions.None;

    public abstract int ArgumentCount { get; }

    public abstract object? GetArgument(int index);

    /// <summary>Writes the arguments as a JSON array, each with its declared type.</summary>
    public abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    public override string ToString() => $"{InterfaceName}.{MethodName}";

    /// <summary>
    /// Runs a request that arrived from another process through <paramref name="handler"/> and writes its result
    /// with the declared result type. The transport reads requests as <see cref="GrainRequest"/>; this is how it
    /// reaches the typed call without reflection (implemented once, in <see cref="GrainRequest{TResult}"/>).
    /// </summary>
    internal abstract Task InvokeInboundAsync(
        IInboundCallHandler handler,
        GrainId target,
        CallChain? chain,
        DateTimeOffset deadline,
        int hops,
        Utf8JsonWriter writer,
        JsonSerializerOptions options);

    /// <summary>Adapts a <see cref="Task"/>-returning method to the request's typed result.</summary>
    protected static ValueTask<VoidResult> AsVoid(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? default : AwaitAsync(task);

        static async ValueTask<VoidResult> AwaitAsync(Task task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }

    /// <summary>Adapts a <see cref="ValueTask"/>-returning method to the request's typed result.</summary>
    protected static ValueTask<VoidResult> AsVoid(ValueTask task)
    {
        return task.IsCompletedSuccessfully ? default : AwaitAsync(task);

        static async ValueTask<VoidResult> AwaitAsync(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }
}
