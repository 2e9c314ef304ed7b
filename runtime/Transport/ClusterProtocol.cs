using System.Diagnostics;
using System.Text.Json;

namespace Loyalty.Runtime.Transport;

/// <summary>
/// The wire format of cluster calls: one HTTP/2 (cleartext, prior knowledge) <c>POST /loyalty-cluster/v1/calls</c>
/// per grain call, on the silo's cluster port.
/// <list type="bullet">
/// <item>Headers: <c>Loyalty-Cluster-Secret</c> (required, else 401), <c>Loyalty-Deadline</c> (absolute, Unix
/// milliseconds; a call that arrives after it is refused with a timeout), <c>Loyalty-Hops</c> (silos that already
/// passed the call on) and W3C <c>traceparent</c>.</item>
/// <item>Body (see <see cref="CallBody"/>): <c>{"grain":"type/key","interface":"Full.Name","method":"MethodId",
/// "arguments":[...],"chain":[{"grain":"type/key","method":"Name","origin":"guid","id":1}]}</c>, the arguments as the
/// generated request writes them, the chain innermost link first; at most
/// <see cref="ClusterTransportOptions.MaxRequestBodySize"/> bytes, else 413.</item>
/// <item>Response: <c>200 {"result":...}</c> serialized with the method's declared result type
/// (<see cref="Invocation.VoidResult"/> for void methods), or <c>{"error":{"type":"Full.Exception.Name","message":"..."}}</c>
/// with a non-200 status (see <see cref="ErrorEnvelope"/>). Never a stack trace.</item>
/// </list>
/// Arguments and results use <see cref="JsonSerializerDefaults.Web"/>, like grain state.
/// </summary>
internal static class ClusterProtocol
{
    public const string CallsPath = "/loyalty-cluster/v1/calls";

    public const string SecretHeader = "Loyalty-Cluster-Secret";

    public const string DeadlineHeader = "Loyalty-Deadline";

    public const string HopsHeader = "Loyalty-Hops";

    public const string TraceParentHeader = "traceparent";

    public const string JsonContentType = "application/json";

    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The W3C trace context of the current activity, or of a new trace when there is none.</summary>
    public static string CurrentTraceParent()
    {
        var activity = Activity.Current;
        if (activity is { IdFormat: ActivityIdFormat.W3C })
        {
            var flags = activity.Recorded ? "01" : "00";
            return $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{flags}";
        }

        return $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";
    }
}
