namespace EmploymentPortal.Web.Observability;

/// <summary>The <c>Portal:Metrics</c> section: the Prometheus endpoint and who may read it (docs/adr/0010-metrics.md).</summary>
public sealed class MetricsSettings
{
    public const string Section = "Portal:Metrics";

    /// <summary>The path of the Prometheus text.</summary>
    public const string Path = "/metrics";

    /// <summary>Collect and serve metrics (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// CIDR networks (or single addresses) whose callers may read <c>/metrics</c>; empty means the loopback
    /// only (127.0.0.0/8 and ::1). In a deployment: the proxy's and the scraper's network.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>A secret that admits any caller sending <c>Authorization: Bearer &lt;token&gt;</c>; none by default.</summary>
    public string? Token { get; set; }

    /// <summary>The networks in force: the configured ones, or the loopback.</summary>
    public IReadOnlyList<string> Networks() => AllowedNetworks.Length > 0 ? AllowedNetworks : ["127.0.0.0/8", "::1/128"];
}
