using System.Reflection;
using System.Runtime.InteropServices;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// The built assemblies of the processes the tests start (<c>Loyalty.Silo</c>, <c>Loyalty.Web</c>), found through the
/// paths the build recorded in this assembly (see the csproj), and the <c>dotnet</c> host that runs them.
/// </summary>
internal static class BuiltProcess
{
    public const string Silo = "Loyalty.Silo";

    public const string Web = "Loyalty.Web";

    public static string AssemblyPath(string name)
    {
        var key = $"ProcessAssembly:{name}";
        var path = typeof(BuiltProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;
        if (path is null)
        {
            throw new InvalidOperationException($"The build recorded no path for {name} (assembly metadata {key}); see RecordProcessAssemblyPaths in the csproj.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{name} is not built where its project says it is: {path}. Build the solution first.", path);
        }

        return path;
    }

    /// <summary>
    /// The <c>dotnet</c> host: the one the SDK says runs this build (<c>DOTNET_HOST_PATH</c>), else the one next to
    /// the shared runtime this test runs on, else whatever <c>dotnet</c> is on the path.
    /// </summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var root = runtime.Parent?.Parent?.Parent;
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (root is not null && File.Exists(Path.Combine(root.FullName, executable)))
        {
            return Path.Combine(root.FullName, executable);
        }

        return executable;
    }
}
