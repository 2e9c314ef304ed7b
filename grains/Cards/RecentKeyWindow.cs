namespace Loyalty.Grains.Cards;

/// <summary>
/// The idempotency keys an activation has answered beyond the ones its persisted state keeps (it is handed the keys the
/// state forgets, once the write that forgets them has committed): a busy card (64 terminals) sees hundreds of
/// operations between a request and its retry, and a retry recognized here is answered from its stored record instead
/// of failing its card's write on the idempotency table's primary key (which costs the card a reload and a re-run of the
/// operations that rode that write). Memory only, bounded; a key outside it is still caught by that primary key.
/// Allocated on first use: most cards never see more operations than their state remembers, and 100,000 idle cards
/// should not each hold an empty set.
/// </summary>
internal sealed class RecentKeyWindow
{
    public const int Capacity = 4096;

    private HashSet<string>? _keys;
    private Queue<string>? _order;

    public bool Contains(string key) => _keys?.Contains(key) == true;

    public void Add(string key)
    {
        _keys ??= new HashSet<string>(StringComparer.Ordinal);
        _order ??= new Queue<string>();
        if (!_keys.Add(key))
        {
            return;
        }

        _order.Enqueue(key);
        if (_order.Count > Capacity)
        {
            _keys.Remove(_order.Dequeue());
        }
    }
}
