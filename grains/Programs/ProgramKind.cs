using System.Text.Json.Serialization;
using Loyalty.Grains.Json;

namespace Loyalty.Grains.Programs;

[JsonConverter(typeof(CamelCaseEnumConverter<ProgramKind>))]
public enum ProgramKind
{
    Stamps,
    Points,
    Hybrid,
}
