namespace Loyalty.Runtime.CodeGen.Tests.Grains;

internal sealed class WalletGrain : IWalletGrain
{
    private readonly List<Payment> _history = [];

    public Task<Receipt?> PayAsync(Payment payment, string? note)
    {
        if (payment.Amount <= 0)
        {
            return Task.FromResult<Receipt?>(null);
        }

        _history.Add(payment);
        return Task.FromResult<Receipt?>(new Receipt(Guid.Empty, payment, note));
    }

    public Task<IReadOnlyList<Payment>> GetHistoryAsync(int? limit) =>
        Task.FromResult<IReadOnlyList<Payment>>(_history.Take(limit ?? int.MaxValue).ToList());
}
