using System.Text.Json;

namespace Loyalty.Runtime.Invocation;

/// <summary>
/// Reads a request's arguments (a JSON array, the reader positioned on its start) and builds the request.
/// Generated once per interface method, for requests that arrive from another process.
/// </summary>
public delegate GrainRequest GrainRequestReader(ref Utf8JsonReader reader, JsonSerializerOptions options);
