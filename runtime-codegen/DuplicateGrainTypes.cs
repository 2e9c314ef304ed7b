using Loyalty.Runtime.CodeGen.Model;

namespace Loyalty.Runtime.CodeGen;

/// <summary>
/// The grain type name keys stored state, reminders and placement: two interfaces sharing one would read and
/// overwrite each other's rows, so it is an error reported on every interface involved.
/// </summary>
internal static class DuplicateGrainTypes
{
    public static IEnumerable<DiagnosticInfo> Find(IReadOnlyList<GrainInterfaceModel> grains)
    {
        foreach (var group in grains.GroupBy(grain => grain.GrainType, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var members = group.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var other = members[i == 0 ? 1 : 0];
                yield return DiagnosticInfo.Create(
                    GrainDiagnostics.DuplicateGrainType, members[i].Location, members[i].FullName, other.FullName, group.Key);
            }
        }
    }
}
