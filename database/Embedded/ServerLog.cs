using System.Text;

namespace Loyalty.Database;

/// <summary>Reads what the server wrote to its log, so that failures can show PostgreSQL's own words.</summary>
internal static class ServerLog
{
    private const int TailCharacters = 4000;
    private const long RotateAtBytes = 16 * 1024 * 1024;

    public static long CurrentLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>The text written since <paramref name="offset"/>, cut to its last few thousand characters.</summary>
    public static string ReadSince(string path, long offset)
    {
        if (!File.Exists(path))
        {
            return "(no server log)";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Max(0, Math.Max(offset, stream.Length - (TailCharacters * 2))), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd().Trim();
        return text.Length == 0 ? "(the server log is empty)"
            : text.Length > TailCharacters ? text[^TailCharacters..]
            : text;
    }

    /// <summary>Keeps one previous log so that a long-lived data directory does not grow its log forever.</summary>
    public static void RotateIfLarge(string path)
    {
        if (CurrentLength(path) > RotateAtBytes)
        {
            File.Move(path, path + ".1", overwrite: true);
        }
    }
}
