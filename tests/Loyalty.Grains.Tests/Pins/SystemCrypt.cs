using System.Runtime.InteropServices;

namespace Loyalty.Grains.Tests.Pins;

/// <summary>
/// The operating system's crypt(3) (libxcrypt, which every Linux distribution ships for its own passwords): a bcrypt
/// implementation independent of ours, to check that our hashes are standard and that standard hashes verify.
/// </summary>
internal static class SystemCrypt
{
    // crypt returns a buffer of its own, overwritten by the next call: tests of one class run one at a time.
    private static readonly Lock Gate = new();

    /// <summary>Hashes <paramref name="phrase"/> with <paramref name="setting"/> (a hash, or its first 29 characters).</summary>
    public static string Hash(string phrase, string setting)
    {
        lock (Gate)
        {
            var result = Crypt(phrase, setting);
            return result == IntPtr.Zero ? "*0" : Marshal.PtrToStringAnsi(result) ?? "*0";
        }
    }

    /// <summary>Whether crypt(3) computes <paramref name="hash"/> again from <paramref name="phrase"/>.</summary>
    public static bool Verify(string phrase, string hash) => Hash(phrase, hash) == hash;

    [DllImport("libcrypt.so.1", EntryPoint = "crypt", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr Crypt(string phrase, string setting);
}
