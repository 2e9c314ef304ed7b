namespace Loyalty.Runtime.CodeGen;

/// <summary>Step names of the pipeline, so tests can check that unchanged input is served from cache.</summary>
internal static class TrackingNames
{
    public const string GrainInterfaces = nameof(GrainInterfaces);
    public const string AssemblyName = nameof(AssemblyName);
}
