using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Loyalty.Runtime.CodeGen.Model;

/// <summary>
/// A source location as plain values: <see cref="Location"/> holds the syntax tree, which would pin old
/// compilations in the generator cache and never compare equal across runs.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || !location.IsInSource)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
    }

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
