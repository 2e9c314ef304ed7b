using System.Security.Cryptography;
using Loyalty.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Web.Accounts;

/// <summary>
/// The admin site's accounts in <c>admin_accounts</c> (web migration 0004): creation (audited in the same statement),
/// sign-in with lockout, password changes. Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>.
/// </summary>
public sealed class AdminAccountStore(
    LoyaltyDatabase database,
    TimeProvider time,
    IPasswordHasher<AdminAccount> hasher,
    IOptions<AdminLockoutOptions> lockout)
{
    public const string CreatedAction = "admin-account.created";

    private const string Columns =
        "account_id, email, display_name, role, merchant_id, store_id, security_stamp, must_change_password, created_at, last_sign_in_at, locked_until, disabled_at";

    // Verified when the e-mail is unknown, so an unknown address costs the same hashing time as a known one.
    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(null!, AdminPasswords.Generate()));

    public async Task<(AdminAccountCreateOutcome Outcome, AdminAccount? Account)> CreateAsync(
        NewAdminAccount account, string password, bool mustChangePassword, string actor, CancellationToken cancellationToken) =>
        await InsertAsync(account, password, mustChangePassword, isBootstrap: false, actor, cancellationToken);

    /// <summary>
    /// The first platform admin, unless one exists already (of concurrent starts exactly one creates it): true when this
    /// call created it.
    /// </summary>
    public async Task<bool> CreateBootstrapAsync(string email, string password, bool mustChangePassword, CancellationToken cancellationToken)
    {
        var (outcome, _) = await InsertAsync(
            new NewAdminAccount(email, "Platform admin", Admin.AdminPrincipal.PlatformAdmin, null, null),
            password, mustChangePassword, isBootstrap: true, GrainInterfaces.Audit.AuditActors.System, cancellationToken);
        return outcome == AdminAccountCreateOutcome.Created;
    }

    public async Task<AdminAccount?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM admin_accounts WHERE account_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<AdminAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM admin_accounts WHERE lower(email) = lower($1)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email.Trim() });
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>
    /// Checks a password. A wrong one counts toward the lockout; the last allowed one locks the account for the
    /// configured time, during which every password is refused unchecked. A right one clears the count.
    /// </summary>
    public async Task<AdminSignInResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var now = time.GetUtcNow();
        var (account, hash) = await FindWithHashAsync(email, cancellationToken);
        if (account is null || hash is null)
        {
            hasher.VerifyHashedPassword(null!, _dummyHash.Value, password);
            return AdminSignInResult.Failed;
        }

        if (account.LockedUntil > now)
        {
            hasher.VerifyHashedPassword(account, _dummyHash.Value, password);
            return new AdminSignInResult(AdminSignInStatus.LockedOut, null, account.LockedUntil);
        }

        var verified = hasher.VerifyHashedPassword(account, hash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var lockedUntil = await CountFailureAsync(account.Id, now, cancellationToken);
            return lockedUntil > now ? new AdminSignInResult(AdminSignInStatus.LockedOut, null, lockedUntil) : AdminSignInResult.Failed;
        }

        if (account.IsDisabled)
        {
            return AdminSignInResult.Failed;
        }

        await using var command = database.DataSource.CreateCommand(
            """
            UPDATE admin_accounts SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = $2, password_hash = coalesce($3, password_hash)
            WHERE account_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = account.Id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text,
            Value = verified == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(account, password) : DBNull.Value,
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new AdminSignInResult(AdminSignInStatus.Succeeded, account with { LastSignInAt = now, LockedUntil = null }, null);
    }

    /// <summary>Changes the password when <paramref name="currentPassword"/> is right: the new security stamp, or null.</summary>
    public async Task<string?> ChangePasswordAsync(Guid accountId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var account = await FindAsync(accountId, cancellationToken);
        if (account is null || account.IsDisabled)
            return null;
        var (_, hash) = await FindWithHashAsync(account.Email, cancellationToken);
        return hash is not null && hasher.VerifyHashedPassword(account, hash, currentPassword) != PasswordVerificationResult.Failed
            ? await SetPasswordAsync(accountId, newPassword, cancellationToken)
            : null;
    }

    /// <summary>
    /// Sets a new password: a new security stamp (every other session of the account ends), the lockout cleared, no
    /// change required any more. Returns the new stamp, or null when there is no such account.
    /// </summary>
    public async Task<string?> SetPasswordAsync(Guid accountId, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        var stamp = NewStamp();
        await using var command = database.DataSource.CreateCommand(
            """
            UPDATE admin_accounts SET password_hash = $2, security_stamp = $3, failed_attempts = 0, locked_until = NULL, must_change_password = false
            WHERE account_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hasher.HashPassword(null!, newPassword) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stamp });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? stamp : null;
    }

    private async Task<(AdminAccountCreateOutcome, AdminAccount?)> InsertAsync(
        NewAdminAccount account, string password, bool mustChangePassword, bool isBootstrap, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.HasValidScope)
            throw new ArgumentException($"A {account.Role} account names {(account.Role == Admin.AdminPrincipal.StoreStaff ? "a merchant and a store" : account.Role == Admin.AdminPrincipal.MerchantOwner ? "a merchant and no store" : "neither merchant nor store")}.", nameof(account));
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds: answer what a read will show
        var id = Guid.CreateVersion7(now);
        var stamp = NewStamp();
        await using var command = database.DataSource.CreateCommand(
            """
            WITH account AS (
                INSERT INTO admin_accounts (account_id, email, display_name, password_hash, role, merchant_id, store_id,
                                            security_stamp, must_change_password, is_bootstrap, created_at)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
                WHERE ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM merchants WHERE merchant_id = $6))
                  AND ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM stores WHERE store_id = $7 AND merchant_id = $6))
                  AND (NOT $10 OR NOT EXISTS (SELECT 1 FROM admin_accounts WHERE role = 'platform-admin'))
                ON CONFLICT DO NOTHING
                RETURNING account_id, email, role, merchant_id, store_id, created_at),
            audited AS (
                INSERT INTO audit_log (merchant_id, actor, action, subject_type, subject_id, details, occurred_at)
                SELECT merchant_id, $12, $13, 'admin-account', account_id::text,
                       jsonb_strip_nulls(jsonb_build_object('email', email, 'role', role, 'storeId', store_id)), created_at
                FROM account)
            SELECT count(*) FROM account
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = account.Email.Trim() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = account.DisplayName.Trim() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hasher.HashPassword(null!, password) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = account.Role });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid, Value = (object?)account.MerchantId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid, Value = (object?)account.StoreId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stamp });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = mustChangePassword });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = isBootstrap });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CreatedAction });
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 1)
        {
            return (AdminAccountCreateOutcome.Created, new AdminAccount(
                id, account.Email.Trim(), account.DisplayName.Trim(), account.Role, account.MerchantId, account.StoreId, stamp,
                mustChangePassword, now, null, null, null));
        }

        return (await FindByEmailAsync(account.Email, cancellationToken) is null ? AdminAccountCreateOutcome.UnknownScope : AdminAccountCreateOutcome.EmailTaken, null);
    }

    /// <summary>Counts a wrong password in one statement (concurrent attempts all count): the lockout's end when this one locked it.</summary>
    private async Task<DateTimeOffset?> CountFailureAsync(Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            UPDATE admin_accounts SET
                failed_attempts = CASE WHEN failed_attempts + 1 >= $3 THEN 0 ELSE failed_attempts + 1 END,
                locked_until = CASE WHEN failed_attempts + 1 >= $3 THEN $2 + $4 ELSE locked_until END
            WHERE account_id = $1
            RETURNING locked_until
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = accountId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lockout.Value.MaxFailedAttempts });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = lockout.Value.Duration });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime lockedUntil
            ? new DateTimeOffset(DateTime.SpecifyKind(lockedUntil, DateTimeKind.Utc))
            : null;
    }

    private async Task<(AdminAccount? Account, string? Hash)> FindWithHashAsync(string email, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns}, password_hash FROM admin_accounts WHERE lower(email) = lower($1)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email.Trim() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Read(reader), reader.GetString(12)) : (null, null);
    }

    private static async Task<AdminAccount?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    internal static AdminAccount Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetGuid(4),
        reader.IsDBNull(5) ? null : reader.GetGuid(5),
        reader.GetString(6),
        reader.GetBoolean(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));

    internal static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
