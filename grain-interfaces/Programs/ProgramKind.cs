using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Programs;

[JsonConverter(typeof(CamelCaseEnumConverter<ProgramKind>))]
[GenerateSerializer]
[Alias("loyalty.programs.ProgramKind")]
public enum ProgramKind
{
    Stamps,
    Points,
    Hybrid,
}
