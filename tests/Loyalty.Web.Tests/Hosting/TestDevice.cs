namespace Loyalty.Web.Tests.Hosting;

public sealed record TestDevice(Guid DeviceId, string Token);
