using EmploymentPortal.Web.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EmploymentPortal.TestCommon;

/// <summary>
/// The portal in-process on a given database, in the "Testing" environment (production error
/// handling, plain-HTTP cookies), with its log lines captured in <see cref="Log"/>, on a fake
/// clock that starts at <paramref name="startsAt"/> (default <see cref="TestClock.Start"/>) and
/// moves only when a test advances it.
/// </summary>
public sealed class PortalAppFactory(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null,
    DateTimeOffset? startsAt = null)
    : WebApplicationFactory<Program>
{
    private readonly StringWriter _log = new();

    /// <summary>A setting (<c>"true"</c>) that connects the portal as the owner, past row-level security, so a test sees the query filters alone.</summary>
    public const string FirstWallOnly = "Tests:FirstWallOnly";

    /// <summary>The owner's connection string to the test database (the tests' own reads and writes).</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>The portal's time source: read it, advance it, set it.</summary>
    public FakeTimeProvider Clock { get; } = new(startsAt ?? TestClock.Start);

    /// <summary>The portal's business date now.</summary>
    public DateOnly Today => TestClock.Business(Clock).Today;

    /// <summary>A client of this portal that keeps cookies, follows no redirect and signs in with both factors (the demo authenticator key).</summary>
    public PortalClient NewClient() =>
        new(CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true })) { SecondFactor = new DemoSecondFactor(Clock, ConnectionString) };

    /// <summary>Everything the portal logged so far (after PII masking).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private string? _appConnectionString;

    /// <summary>
    /// Stops the portal, then closes the idle connections its scheduler left in Npgsql's shared
    /// pool (Quartz opens them through <c>NpgsqlFactory</c>, not the app's data source, so they
    /// would outlive the portal for minutes and, across the suite's fixtures, fill the server).
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_appConnectionString is not null)
        {
            await using var connection = new Npgsql.NpgsqlConnection(_appConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The portal connects as the app's login, under row-level security, unless a test looks at
        // the query filters alone (FirstWallOnly); it migrates as the owner.
        var firstWallOnly = settings?.GetValueOrDefault(FirstWallOnly) == "true";
        _appConnectionString = firstWallOnly ? ConnectionString : PostgresServer.AppConnectionStringFor(ConnectionString);
        builder.UseSetting("ConnectionStrings:Portal", _appConnectionString);
        builder.UseSetting("ConnectionStrings:PortalOwner", ConnectionString);
        builder.UseSetting("Portal:MigrateOnStartup", "false");
        // The scheduler runs the background tasks; no scheduled job unless a test names one
        // (SchedulerTests): the fake clock moves by days.
        foreach (var job in EmploymentPortal.Web.Scheduling.PortalJobs.All)
        {
            builder.UseSetting($"Portal:Scheduler:Jobs:{job.Name}", "");
        }

        builder.UseSetting("Portal:Import:WarmUpRows", "0");
        builder.UseSetting("Portal:Security:SecureCookies", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        // The suite signs in hundreds of times from one client: high limits unless a test sets its own (RateLimitTests).
        foreach (var limit in EmploymentPortal.Web.Security.RateLimits.Names)
        {
            builder.UseSetting($"{EmploymentPortal.Web.Security.RateLimits.Section}:{limit}:PermitLimit", "1000000");
        }

        builder.UseSetting($"{EmploymentPortal.Web.Security.RateLimits.Section}:RevealsPerDay", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(new LogOutput(TextWriter.Synchronized(new LockedWriter(_log))));
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            configureServices?.Invoke(services);
        });
    }

    /// <summary>Writes under the same lock <see cref="Log"/> reads with.</summary>
    private sealed class LockedWriter(StringWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (inner)
            {
                inner.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (inner)
            {
                inner.Write(value);
            }
        }
    }
}
