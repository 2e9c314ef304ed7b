using System.Text.Json;

namespace Loyalty.TerminalClient.Offline;

/// <summary>
/// Keeps the queue in one JSON file that survives restarts. Each save writes a temporary file beside it, flushes it
/// to disk and renames it over the file, so a crash or power loss mid-save leaves the previous file whole: the rename
/// is atomic, a partial write is never in the file's place.
/// </summary>
/// <remarks>
/// One store (and one queue) per file: two processes writing the same file would overwrite each other's queue. Saves
/// must not overlap (they share the temporary file); <see cref="OfflineQueue"/> makes them one at a time.
/// </remarks>
public sealed class JsonFileOfflineQueueStore : IOfflineQueueStore
{
    /// <summary>Creates a store for <paramref name="path"/>; its directory is created on the first save.</summary>
    /// <param name="path">The queue file.</param>
    public JsonFileOfflineQueueStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The queue file.</summary>
    public string Path { get; }

    /// <summary>The temporary file a save writes before renaming it over <see cref="Path"/>; a leftover one is ignored.</summary>
    public string TemporaryPath => Path + ".tmp";

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The file is not a queue; it is left untouched rather than replaced by an empty queue.</exception>
    public async Task<OfflineQueueState> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return OfflineQueueState.Empty;
        }

        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        try
        {
            return await JsonSerializer.DeserializeAsync<OfflineQueueState>(stream, TerminalJson.Options, cancellationToken)
                ?? throw new InvalidDataException($"{Path} holds no queue.");
        }
        catch (JsonException exception)
        {
            // Queued sales must not vanish silently: refuse to start rather than overwrite the file with an empty queue.
            throw new InvalidDataException($"{Path} is not a readable offline queue.", exception);
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(OfflineQueueState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using (var stream = new FileStream(TemporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await JsonSerializer.SerializeAsync(stream, state, TerminalJson.Options, cancellationToken);

            // On disk before the rename, or a power cut could leave the renamed file empty.
            stream.Flush(flushToDisk: true);
        }

        File.Move(TemporaryPath, Path, overwrite: true);
    }
}
