using System.ComponentModel.DataAnnotations;

namespace Loyalty.Runtime.Hosting;

/// <summary>Settings of the grain runtime (configuration section <c>Loyalty:Runtime</c>).</summary>
public sealed class RuntimeOptions
{
    public const string SectionName = "Loyalty:Runtime";

    /// <summary>Separates the data of several deployments that share one database.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_-]{0,62}$")]
    public string ServiceId { get; set; } = "loyalty";

    /// <summary>How this silo is named in logs and errors; defaults to the machine name and process id.</summary>
    public string? SiloName { get; set; }

    /// <summary>How long a caller waits for a grain call before it fails with a timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending calls are checked against their deadlines.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan DeadlineCheckPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an activation may stay idle before it is collected (per class: <c>[CollectionAgeLimit]</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On graceful shutdown, how long activations may drain their queues before they are deactivated regardless.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
