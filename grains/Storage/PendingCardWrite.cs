namespace Loyalty.Grains.Storage;

/// <summary>A card write waiting in the queue or riding in a batch, and its caller's outcome.</summary>
internal sealed class PendingCardWrite(CardWrite write)
{
    private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CardWrite Write { get; } = write;

    public Task Task => _outcome.Task;

    public bool IsFinished => _outcome.Task.IsCompleted;

    public void Succeed() => _outcome.TrySetResult();

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
