using System.Security.Claims;
using Loyalty.GrainInterfaces.Audit;

namespace Loyalty.Web.Admin;

/// <summary>
/// Who is acting as an admin: an admin API token (<see cref="AdminTokenAuthenticationHandler"/>) or a person signed in
/// to the admin site with an account (<see cref="Accounts.AdminCookie"/>). Both carry the same claims.
/// </summary>
public sealed class AdminPrincipal
{
    public const string PlatformAdmin = "platform-admin";
    public const string MerchantOwner = "merchant-owner";
    public const string StoreStaff = "store-staff";

    public const string RoleClaim = "loyalty:role";
    public const string MerchantClaim = "loyalty:merchant";
    public const string StoreClaim = "loyalty:store";

    public static IReadOnlyList<string> Roles { get; } = [PlatformAdmin, MerchantOwner, StoreStaff];

    private readonly Guid _id;

    private AdminPrincipal(Guid id, bool isAccount, string role, Guid? merchantId, Guid? storeId)
    {
        _id = id;
        IsAccount = isAccount;
        Role = role;
        MerchantId = merchantId;
        StoreId = storeId;
    }

    public static AdminPrincipal ForToken(Guid tokenId, string role, Guid? merchantId) => new(tokenId, false, role, merchantId, null);

    public static AdminPrincipal ForAccount(Guid accountId, string role, Guid? merchantId, Guid? storeId) => new(accountId, true, role, merchantId, storeId);

    public string Role { get; }

    /// <summary>The merchant of an owner or store staff; null for platform admins.</summary>
    public Guid? MerchantId { get; }

    /// <summary>The store of store staff; null otherwise.</summary>
    public Guid? StoreId { get; }

    /// <summary>True for a person signed in with an account, false for an admin API token.</summary>
    public bool IsAccount { get; }

    /// <summary>The admin API token's id (the admin API authenticates tokens only).</summary>
    public Guid TokenId => IsAccount ? throw new InvalidOperationException("This admin signed in with an account, not a token: use Actor.") : _id;

    /// <summary>The signed-in account's id, or null for a token.</summary>
    public Guid? AccountId => IsAccount ? _id : null;

    /// <summary>The audit log's actor: the token id as before, or <c>account:{id}</c>.</summary>
    public string Actor => IsAccount ? AuditActors.ForAccount(_id) : AuditActors.ForAdminToken(_id);

    public bool IsPlatformAdmin => Role == PlatformAdmin;

    public bool IsMerchantOwner => Role == MerchantOwner;

    public bool IsStoreStaff => Role == StoreStaff;

    /// <summary>Platform admins reach every merchant; owners and store staff only their own.</summary>
    public bool CanAccessMerchant(Guid merchantId) => IsPlatformAdmin || MerchantId == merchantId;

    /// <summary>Platform admins reach every store; an owner the stores of their merchant; store staff their store only.</summary>
    public bool CanAccessStore(Guid merchantId, Guid storeId) =>
        IsPlatformAdmin || (MerchantId == merchantId && (IsMerchantOwner || StoreId == storeId));

    /// <summary>The claims both schemes issue, so policies read tokens and accounts alike.</summary>
    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(ClaimTypes.NameIdentifier, _id.ToString("D"));
        yield return new Claim(RoleClaim, Role);
        if (MerchantId is { } merchantId)
            yield return new Claim(MerchantClaim, merchantId.ToString("D"));
        if (StoreId is { } storeId)
            yield return new Claim(StoreClaim, storeId.ToString("D"));
    }

    /// <summary>
    /// The admin in an authenticated user: the account's identity when the request has both (an account's cookie is
    /// what pages act for), else the token's; null when neither scheme authenticated the request.
    /// </summary>
    public static AdminPrincipal? FromUser(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identities = user.Identities.Where(identity => identity.IsAuthenticated).ToList();
        var identity = identities.Find(i => i.AuthenticationType == Accounts.AdminCookie.Scheme)
            ?? identities.Find(i => i.AuthenticationType == AdminTokenAuthenticationHandler.SchemeName);
        if (identity is null
            || !Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id)
            || identity.FindFirst(RoleClaim)?.Value is not { } role || !Roles.Contains(role))
        {
            return null;
        }

        var merchantId = Guid.TryParse(identity.FindFirst(MerchantClaim)?.Value, out var merchant) ? merchant : (Guid?)null;
        var storeId = Guid.TryParse(identity.FindFirst(StoreClaim)?.Value, out var store) ? store : (Guid?)null;
        return identity.AuthenticationType == Accounts.AdminCookie.Scheme
            ? ForAccount(id, role, merchantId, storeId)
            : ForToken(id, role, merchantId);
    }
}
