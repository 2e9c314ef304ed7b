namespace Loyalty.Web.Cards;

/// <summary>A page of a card's transactions, newest first.</summary>
public sealed record TransactionPage(IReadOnlyList<TransactionBody> Items, int Page, int PageSize, long Total);
