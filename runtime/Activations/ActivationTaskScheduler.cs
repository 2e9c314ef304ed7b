namespace Loyalty.Runtime.Activations;

/// <summary>
/// Runs an activation's work one task at a time on the thread pool. Grain code awaits without
/// <c>ConfigureAwait(false)</c>, so every continuation comes back here: turns of one activation never run
/// in parallel, even when requests interleave. A quantum bounds how long one activation holds a thread.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    private const long QuantumMilliseconds = 100;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_current;

    private readonly Queue<Task> _tasks = new();
    private bool _scheduled;

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task)
    {
        lock (_tasks)
        {
            _tasks.Enqueue(task);
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            var quantumEnd = Environment.TickCount64 + QuantumMilliseconds;
            while (true)
            {
                Task? task;
                lock (_tasks)
                {
                    if (!_tasks.TryDequeue(out task))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                TryExecuteTask(task);
                if (Environment.TickCount64 > quantumEnd)
                {
                    // Yield the thread to other activations; _scheduled stays true so nobody else queues us twice.
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }
            }
        }
        finally
        {
            t_current = previous;
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && ReferenceEquals(t_current, this) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_tasks)
        {
            return [.. _tasks];
        }
    }
}
