namespace Loyalty.Runtime.Activations;

/// <summary>
/// On a grain class: while a call waits for its state write, the next queued call may run and change the state
/// in memory; all changes made meanwhile go to storage in the next single write. Every caller is answered only
/// after the write holding its change has committed, so nothing acknowledged can be lost; a failed write fails
/// every call it held and deactivates the grain. Code after <c>await WriteStateAsync()</c> may therefore observe
/// changes made by later calls: compute results before writing.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CoalesceStateWritesAttribute : Attribute;
