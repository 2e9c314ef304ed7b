namespace Loyalty.Grains.Cards;

/// <summary>
/// The idempotency keys an activation has answered beyond the ones its persisted state keeps (it is handed the keys the
/// state forgets): a busy card (64 terminals) sees hundreds of operations between a request and its retry, and a retry
/// recognized here costs no database round trip. Memory only, bounded; a key outside it is still caught by the
/// idempotency table. Allocated on first use: most cards never see more operations than their state remembers, and
/// 100,000 idle cards should not each hold an empty dictionary.
/// </summary>
internal sealed class RecentKeyWindow
{
    public const int Capacity = 4096;

    private Dictionary<string, RecentKey>? _keys;
    private Queue<string>? _order;

    public RecentKey? Find(string key) => _keys?.GetValueOrDefault(key);

    public void Add(RecentKey key)
    {
        _keys ??= new Dictionary<string, RecentKey>(StringComparer.Ordinal);
        _order ??= new Queue<string>();
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
