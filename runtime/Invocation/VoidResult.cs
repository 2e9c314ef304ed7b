namespace Loyalty.Runtime.Invocation;

/// <summary>The result type of requests whose grain method returns <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
public readonly record struct VoidResult;
