using System.Text;
using Npgsql;

namespace Loyalty.Grains.Storage;

/// <summary>Numbers parameters as they are written into a statement's text.</summary>
internal static class SqlBuilderExtensions
{
    /// <summary>Adds <paramref name="parameter"/> and appends its placeholder (<c>$n</c>).</summary>
    public static StringBuilder AppendParameter(this StringBuilder sql, NpgsqlParameterCollection parameters, NpgsqlParameter parameter)
    {
        parameters.Add(parameter);
        return sql.Append('$').Append(parameters.Count);
    }
}
