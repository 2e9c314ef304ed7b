namespace Loyalty.Grains.Cards;

/// <summary>
/// The idempotency keys an activation has answered, beyond the few its persisted state keeps: a busy card (64
/// terminals) sees hundreds of operations between a request and its retry, and a retry recognized here costs no
/// database round trip. Memory only, bounded; a key outside it is still caught by the idempotency table.
/// </summary>
internal sealed class RecentKeyWindow
{
    public const int Capacity = 4096;

    private readonly Dictionary<string, RecentKey> _keys = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public RecentKey? Find(string key) => _keys.GetValueOrDefault(key);

    public void Add(RecentKey key)
    {
        if (!_keys.TryAdd(key.Key, key))
        {
            return;
        }

        _order.Enqueue(key.Key);
        if (_order.Count > Capacity)
        {
            _keys.Remove(_order.Dequeue());
        }
    }
}
