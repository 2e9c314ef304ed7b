using System.Text.Json;

namespace Loyalty.TerminalClient.Tests.Stubs;

/// <summary>A request as the stub saw it: path relative to the API base, bearer token, parsed body.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Path, string? BearerToken, JsonElement? Body);
