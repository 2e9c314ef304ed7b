namespace Loyalty.Web.Stores;

/// <summary>A merchant's program as a newly paired terminal gets it.</summary>
internal sealed record ProgramSummary(Guid ProgramId, string Name, string Kind);
