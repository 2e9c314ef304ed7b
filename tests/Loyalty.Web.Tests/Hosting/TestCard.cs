namespace Loyalty.Web.Tests.Hosting;

public sealed record TestCard(TestStore Store, TestDevice Device, Guid PinId, Guid ProgramId, string CardNumber);
