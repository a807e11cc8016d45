namespace EmploymentPortal.Web;

/// <summary>The <c>Portal</c> configuration section (see README, "Configuration").</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Apply migrations at start-up (default true in Development, false elsewhere).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Seed the demo city and accounts (refused in Production).</summary>
    public bool SeedDemo { get; set; }

    public SecuritySettings Security { get; set; } = new();

    public Scheduling.SchedulerSettings Scheduler { get; set; } = new();

    public BenchSettings Bench { get; set; } = new();

    public ImportSettings Import { get; set; } = new();

    public TaskSettings Tasks { get; set; } = new();

    /// <summary>Reads from a standby (<c>Portal:ReadOnly</c>, with <c>ConnectionStrings:PortalReadOnly</c>): docs/adr/0008-standby-reads.md.</summary>
    public Core.Persistence.Standby.ReadOnlyOptions ReadOnly { get; set; } = new();

    /// <summary>The <c>/metrics</c> endpoint (Observability/MetricsSettings.cs).</summary>
    public Observability.MetricsSettings Metrics { get; set; } = new();

    /// <summary>Background work (docs/adr/0007): imports, large exports and the county re-run, run by the scheduler (docs/adr/0009) where <c>Portal:Scheduler:Run</c> is true.</summary>
    public sealed class TaskSettings
    {
        /// <summary>
        /// How often an instance that runs the scheduler looks for tasks queued on another instance
        /// (Quartz's idle wait); a task queued on an instance that runs the scheduler starts at once.
        /// </summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>A ledger export of more persons than this runs in the background, with a download link when done; smaller ones download at once.</summary>
        public int ExportInBackgroundAbove { get; set; } = 5_000;

        /// <summary>
        /// How long a finished task's row is kept, with its result and any file it produced (an export
        /// holds personal data: PIPL art. 19, kept no longer than needed); the runner then deletes it.
        /// </summary>
        public TimeSpan KeepFinishedFor { get; set; } = TimeSpan.FromDays(7);
    }

    public sealed class ImportSettings
    {
        /// <summary>Generated rows the ledger import reads and checks at start-up (<see cref="Jobs.ImportWarmUp"/>); 0 = none.</summary>
        public int WarmUpRows { get; set; } = 5_000;
    }

    /// <summary>Switches for benchmarks only (docs/benchmarks.md); all off by default.</summary>
    public sealed class BenchSettings
    {
        /// <summary>Maps <c>/bench/raw-jobs</c>: the job search's SQL with its rows as plain text, anonymous. Never in service.</summary>
        public bool RawJobsEndpoint { get; set; }
    }

    public sealed class SecuritySettings
    {
        /// <summary>How often a sign-in cookie is checked against the account (disabled, new stamp).</summary>
        public TimeSpan StampValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>Idle time after which a staff member must sign in again (MLPS 2.0: 15 minutes).</summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>A sign-in is refused this long after it was made, however active (ASVS 7.3.2; docs/operations.md, "Sessions").</summary>
        public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);

        /// <summary>
        /// A refused sign-in answers no sooner than this after it began, whatever the reason, so
        /// its time tells nothing on top of its equal work (one password hash each).
        /// </summary>
        public TimeSpan SignInRefusalFloor { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// Secure, <c>__Host-</c>-prefixed cookies (default: on outside Development). Turn off only
        /// for plain-HTTP local runs.
        /// </summary>
        public bool? SecureCookies { get; set; }
    }
}
