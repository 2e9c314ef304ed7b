namespace Loyalty.Grains.Storage;

/// <summary>How a batch of card writes becomes statements.</summary>
internal static class CardBatchPlan
{
    /// <summary>
    /// The writes of <paramref name="batch"/> grouped into statements (<see cref="CardStatement"/>), in the order they
    /// run. Writes with the same read-model columns share a statement, except that a card's second write in the batch
    /// goes to a later round of statements, which sees the first one's effect. (An activation has one write in flight,
    /// but two activations of one card may each send one; an <c>UPDATE … FROM</c> matching one row twice would apply
    /// only one of them.)
    /// </summary>
    public static List<List<PendingCardWrite>> Plan(IReadOnlyList<PendingCardWrite> batch)
    {
        var writesPerCard = new Dictionary<string, int>(StringComparer.Ordinal);
        var rounds = new List<List<PendingCardWrite>>();
        foreach (var pending in batch)
        {
            var round = writesPerCard.GetValueOrDefault(pending.Write.CardNumber);
            writesPerCard[pending.Write.CardNumber] = round + 1;
            if (round == rounds.Count)
            {
                rounds.Add([]);
            }

            rounds[round].Add(pending);
        }

        var statements = new List<List<PendingCardWrite>>();
        foreach (var round in rounds)
        {
            var roundStart = statements.Count;
            foreach (var pending in round)
            {
                var statement = statements.FindIndex(roundStart, candidate => SameColumns(candidate[0].Write, pending.Write));
                if (statement < 0)
                {
                    statements.Add([pending]);
                }
                else
                {
                    statements[statement].Add(pending);
                }
            }
        }

        return statements;
    }

    private static bool SameColumns(CardWrite a, CardWrite b)
    {
        if (a.Columns.Count != b.Columns.Count)
        {
            return false;
        }

        for (var c = 0; c < a.Columns.Count; c++)
        {
            if (!string.Equals(a.Columns[c].Key, b.Columns[c].Key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
