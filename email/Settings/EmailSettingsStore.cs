using Loyalty.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalty.Email.Settings;

/// <summary>
/// The SMTP settings in force: a platform admin's override (table <c>email_settings</c>, the password protected with
/// Data Protection, whose keys every process shares) when one exists, else the configuration's. Read per batch and per
/// test e-mail, so a change applies to the next send on every silo.
/// </summary>
public sealed class EmailSettingsStore(LoyaltyDatabase database, IDataProtectionProvider protection, IOptions<EmailOptions> options, TimeProvider time)
{
    private const string PasswordPurpose = "Loyalty.Email.SmtpPassword.v1";
    private readonly IDataProtector _passwords = protection.CreateProtector(PasswordPurpose);

    /// <summary>The configuration's settings (null: none configured).</summary>
    public SmtpSettings? Configured => options.Value.ToSettings();

    public async Task<EffectiveSmtpSettings> GetEffectiveAsync(CancellationToken cancellationToken)
    {
        if (await GetOverrideAsync(cancellationToken) is { } stored)
        {
            return new EffectiveSmtpSettings(stored.Settings, SmtpSettingsSource.Override);
        }

        return Configured is { } configured ? new EffectiveSmtpSettings(configured, SmtpSettingsSource.Configuration) : EffectiveSmtpSettings.None;
    }

    public async Task<StoredSmtpSettings?> GetOverrideAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT host, port, security, username, protected_password, sender, updated_at, updated_by FROM email_settings");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var password = reader.IsDBNull(4) ? null : _passwords.Unprotect(reader.GetString(4));
        var settings = new SmtpSettings(
            reader.GetString(0),
            reader.GetInt32(1),
            Enum.Parse<SmtpSecurity>(reader.GetString(2)),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            password,
            reader.GetString(5));
        return new StoredSmtpSettings(settings, reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7));
    }

    /// <summary>Stores the override (replacing any), the password protected.</summary>
    public async Task SaveOverrideAsync(SmtpSettings settings, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var command = database.DataSource.CreateCommand(
            "INSERT INTO email_settings (host, port, security, username, protected_password, sender, updated_at, updated_by) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (singleton) DO UPDATE SET host = excluded.host, port = excluded.port, " +
            "security = excluded.security, username = excluded.username, protected_password = excluded.protected_password, " +
            "sender = excluded.sender, updated_at = excluded.updated_at, updated_by = excluded.updated_by");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = settings.Host });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = settings.Port });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = settings.Security.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)settings.Username ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.Password is { } password ? _passwords.Protect(password) : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = settings.From });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the override; the configuration's settings apply again. False when there was none.</summary>
    public async Task<bool> DeleteOverrideAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM email_settings");
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
