namespace Loyalty.Web.Pairing;

/// <summary>Body of admin <c>POST /stores/{storeId}/pairing-codes</c>: <c>{}</c>, kept as a type so unknown fields are refused.</summary>
public sealed record CreatePairingCodeRequest;
