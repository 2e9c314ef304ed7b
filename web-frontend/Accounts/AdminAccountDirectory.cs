using Loyalty.Database;
using Loyalty.Web.Admin;
using Npgsql;

namespace Loyalty.Web.Accounts;

/// <summary>
/// The accounts page's reads and changes: accounts a person may see (platform admins every account, owners their
/// merchant's), the merchants and stores an account may be given, and disabling or enabling (audited in the same
/// statement; disabling changes the security stamp, so the account's sessions end at once).
/// </summary>
public sealed class AdminAccountDirectory(LoyaltyDatabase database, TimeProvider time)
{
    public const string DisabledAction = "admin-account.disabled";
    public const string EnabledAction = "admin-account.enabled";

    /// <summary>Whether <paramref name="admin"/> may disable, enable or send a reset link to an account: platform admins any other account, owners their merchant's store staff.</summary>
    public static bool MayManage(AdminPrincipal admin, AdminAccountRow account)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(account);
        return account.Id != admin.AccountId
            && (admin.IsPlatformAdmin || (admin.IsMerchantOwner && account.Role == AdminPrincipal.StoreStaff && account.MerchantId == admin.MerchantId));
    }

    /// <summary>A page of the accounts <paramref name="admin"/> may see, by e-mail.</summary>
    public async Task<(IReadOnlyList<AdminAccountRow> Items, long Total)> PageAsync(AdminPrincipal admin, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var (items, total) = await PagedQuery.ReadAsync(
            database,
            "SELECT count(*) FROM admin_accounts a WHERE ($1::uuid IS NULL OR a.merchant_id = $1)",
            $"{Select} WHERE ($1::uuid IS NULL OR a.merchant_id = $1) ORDER BY lower(a.email), a.account_id LIMIT $2 OFFSET $3",
            () => [Scope(admin)],
            page,
            pageSize,
            Read,
            cancellationToken);
        return (items, total);
    }

    /// <summary>The account when <paramref name="admin"/> may see it; null otherwise (the page answers 404 alike).</summary>
    public async Task<AdminAccountRow?> FindAsync(AdminPrincipal admin, Guid accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var command = database.DataSource.CreateCommand($"{Select} WHERE a.account_id = $2 AND ($1::uuid IS NULL OR a.merchant_id = $1)");
        command.Parameters.Add(Scope(admin));
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The merchants (store null) and stores an account created by <paramref name="admin"/> may belong to.</summary>
    public async Task<IReadOnlyList<AdminScopeOption>> ScopesAsync(AdminPrincipal admin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT m.merchant_id, m.name, NULL::uuid, NULL::text FROM merchants m WHERE $1::uuid IS NULL OR m.merchant_id = $1
            UNION ALL
            SELECT m.merchant_id, m.name, s.store_id, s.name FROM stores s JOIN merchants m ON m.merchant_id = s.merchant_id
            WHERE $1::uuid IS NULL OR m.merchant_id = $1
            ORDER BY 2, 1, 4 NULLS FIRST
            """);
        command.Parameters.Add(Scope(admin));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var options = new List<AdminScopeOption>();
        while (await reader.ReadAsync(cancellationToken))
        {
            options.Add(new AdminScopeOption(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return options;
    }

    /// <summary>
    /// Disables or enables the account: true when it changed now, false when it already was so (nothing is written or
    /// audited twice).
    /// </summary>
    public async Task<bool> SetDisabledAsync(Guid accountId, bool disabled, string actor, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            WITH changed AS (
                UPDATE admin_accounts SET disabled_at = CASE WHEN $2 THEN $3 END,
                                          security_stamp = CASE WHEN $2 THEN $4 ELSE security_stamp END
                WHERE account_id = $1 AND (disabled_at IS NULL) = $2
                RETURNING account_id, merchant_id, email),
            audited AS (
                INSERT INTO audit_log (merchant_id, actor, action, subject_type, subject_id, details, occurred_at)
                SELECT merchant_id, $5, $6, 'admin-account', account_id::text, jsonb_build_object('email', email), $3 FROM changed)
            SELECT count(*) FROM changed
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = disabled });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AdminAccountStore.NewStamp() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = disabled ? DisabledAction : EnabledAction });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private const string Select =
        """
        SELECT a.account_id, a.email, a.display_name, a.role, a.merchant_id, m.name, a.store_id, s.name,
               a.created_at, a.last_sign_in_at, a.locked_until, a.disabled_at
        FROM admin_accounts a
        LEFT JOIN merchants m ON m.merchant_id = a.merchant_id
        LEFT JOIN stores s ON s.store_id = a.store_id
        """;

    private static NpgsqlParameter Scope(AdminPrincipal admin) =>
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid, Value = admin.IsPlatformAdmin ? DBNull.Value : admin.MerchantId!.Value };

    private static AdminAccountRow Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetGuid(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetGuid(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));
}
