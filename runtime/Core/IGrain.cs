namespace Loyalty.Runtime.Core;

/// <summary>
/// Marker for grain interfaces. Every method of a grain interface returns <see cref="Task"/>,
/// <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>;
/// the build-time generator emits a proxy and one request type per method.
/// </summary>
public interface IGrain;
