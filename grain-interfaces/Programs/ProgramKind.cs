using System.Text.Json.Serialization;
using Loyalty.GrainInterfaces.Json;

namespace Loyalty.GrainInterfaces.Programs;

[JsonConverter(typeof(CamelCaseEnumConverter<ProgramKind>))]
public enum ProgramKind
{
    Stamps,
    Points,
    Hybrid,
}
