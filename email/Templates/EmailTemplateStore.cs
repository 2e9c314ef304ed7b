using Loyalty.Database;
using Loyalty.GrainInterfaces.Programs;
using Npgsql;

namespace Loyalty.Email.Templates;

/// <summary>
/// Templates as they apply: an admin's edit from <c>email_templates</c>, else the built-in default
/// (<see cref="DefaultTemplates"/>). Restoring the default deletes the edit.
/// </summary>
public sealed class EmailTemplateStore(LoyaltyDatabase database, TimeProvider time)
{
    public async Task<IReadOnlyList<StoredTemplate>> ListAsync(CancellationToken cancellationToken)
    {
        var edits = new Dictionary<(string, string), StoredTemplate>();
        await using (var command = database.DataSource.CreateCommand("SELECT template, locale, subject, html, text, updated_at, updated_by FROM email_templates"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var edit = Read(reader);
                edits[(edit.Template, edit.Locale)] = edit;
            }
        }

        return [.. from template in EmailTemplateNames.All
                   from locale in Locales.Supported
                   select edits.GetValueOrDefault((template, locale)) ?? Default(template, locale)];
    }

    public async Task<StoredTemplate> GetAsync(string template, string locale, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT template, locale, subject, html, text, updated_at, updated_by FROM email_templates WHERE template = $1 AND locale = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = template });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locale });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : Default(template, locale);
    }

    public async Task<StoredTemplate> SaveAsync(string template, string locale, TemplateContent content, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var now = time.GetUtcNow();
        await using var command = database.DataSource.CreateCommand(
            "INSERT INTO email_templates (template, locale, subject, html, text, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7) " +
            "ON CONFLICT (template, locale) DO UPDATE SET subject = excluded.subject, html = excluded.html, text = excluded.text, " +
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = template });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locale });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = content.Subject });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = content.Html });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = content.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StoredTemplate(template, locale, content, true, now, actor);
    }

    /// <summary>Deletes an admin's edit, so the default applies again; answers the default.</summary>
    public async Task<StoredTemplate> RestoreDefaultAsync(string template, string locale, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM email_templates WHERE template = $1 AND locale = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = template });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = locale });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return Default(template, locale);
    }

    private static StoredTemplate Default(string template, string locale) =>
        new(template, locale, DefaultTemplates.Get(template, locale), false, null, null);

    private static StoredTemplate Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        new TemplateContent(reader.GetString(2), reader.GetString(3), reader.GetString(4)),
        true,
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetString(6));
}
