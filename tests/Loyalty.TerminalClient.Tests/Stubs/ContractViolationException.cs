namespace Loyalty.TerminalClient.Tests.Stubs;

/// <summary>The client sent something the terminal contract does not describe.</summary>
public sealed class ContractViolationException(string message) : Exception(message);
