using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Core.Persistence.Standby;

/// <summary>
/// Where the reads that may go to a standby go (docs/adr/0008-standby-reads.md): the standby while
/// it is configured, answers, and is not more than <see cref="ReadOnlyOptions.MaxLagSeconds"/>
/// behind; the primary otherwise. The state is checked in the background every few seconds
/// (<see cref="StandbyMonitor"/>), never on a request's path; a read that fails on the standby
/// marks it unused until the next check finds it well. A change of state is logged once.
/// </summary>
public sealed class ReadRouting
{
    private readonly string? _connectionString;
    private readonly ReadOnlyOptions _options;
    private readonly IStandbyProbe _probe;
    private readonly ILogger<ReadRouting> _logger;
    private readonly Lock _gate = new();
    private volatile State _state;
    private long _standbyReads;
    private long _primaryReads;

    /// <summary>The routing for the standby at <c>ConnectionStrings:PortalReadOnly</c> (null or blank: none).</summary>
    public ReadRouting(string? connectionString, IOptions<ReadOnlyOptions> options, IStandbyProbe probe, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _connectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
        _options = options.Value;
        _probe = probe;
        _logger = loggerFactory.CreateLogger<ReadRouting>();
        if (_connectionString is not null)
        {
            StandbyOptions = (DbContextOptions<PortalDbContext>)PortalDatabase.Configure(new DbContextOptionsBuilder<PortalDbContext>(), _connectionString)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .UseLoggerFactory(loggerFactory)
                .Options;
        }

        // Until the first check: the primary.
        _state = new State(false, _connectionString is null ? "No standby is configured." : "The standby has not been checked yet.", Initial: true);
    }

    /// <summary>Whether <c>ConnectionStrings:PortalReadOnly</c> is set.</summary>
    public bool Configured => _connectionString is not null;

    /// <summary>Whether reads go to the standby now.</summary>
    public bool UseStandby => _state.Usable;

    /// <summary>Why the standby is used or not, for <c>/health/ready</c> and the log.</summary>
    public string Reason => _state.Reason;

    /// <summary>Context options on the standby (null when none is configured); contexts made with them track nothing.</summary>
    public DbContextOptions<PortalDbContext>? StandbyOptions { get; }

    /// <summary>Reads served by the standby since start (for metrics and tests).</summary>
    public long StandbyReads => Interlocked.Read(ref _standbyReads);

    /// <summary>Reads that could have gone to the standby and were served by the primary (no standby, not well, after a write, retried).</summary>
    public long PrimaryReads => Interlocked.Read(ref _primaryReads);

    /// <summary>How often <see cref="StandbyMonitor"/> checks the standby.</summary>
    public TimeSpan CheckInterval => TimeSpan.FromSeconds(Math.Max(1, _options.CheckIntervalSeconds));

    /// <summary>Checks the standby once and records what was found.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null)
        {
            return;
        }

        State found;
        Exception? failure = null;
        try
        {
            var status = await _probe.ProbeAsync(_connectionString, cancellationToken);
            found = status.LagSeconds switch
            {
                null => new State(false, "The standby has not replayed any transaction yet."),
                { } lag when lag > _options.MaxLagSeconds => new State(false, string.Create(CultureInfo.InvariantCulture,
                    $"The standby lags {lag:F0} s behind the primary, more than Portal:ReadOnly:MaxLagSeconds ({_options.MaxLagSeconds} s).")),
                _ => new State(true, status.InRecovery ? "Reads go to the standby." : "Reads go to the read-only connection (a server not in recovery)."),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason is shown by /health/ready to anyone: the exception (addresses, messages) goes to the log only.
            failure = e;
            found = new State(false, "The standby does not answer (see the log).");
        }

        Set(found, failure);
    }

    /// <summary>A read failed on the standby: it is not used until the next check finds it well.</summary>
    public void ReportFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Set(new State(false, "A read failed on the standby (see the log); reads go to the primary until the next check."), exception);
    }

    internal void Count(bool onStandby)
    {
        if (onStandby)
        {
            Interlocked.Increment(ref _standbyReads);
        }
        else
        {
            Interlocked.Increment(ref _primaryReads);
        }
    }

    private void Set(State found, Exception? exception)
    {
        State before;
        lock (_gate)
        {
            before = _state;
            _state = found;
        }

        // The first finding is logged, then only a change between used and not used.
        if (!before.Initial && found.Usable == before.Usable)
        {
            return;
        }

        if (found.Usable && before.Initial)
        {
            _logger.LogInformation("Standby reads started: {Reason}", found.Reason);
        }
        else if (found.Usable)
        {
            _logger.LogInformation("Standby reads resumed: {Reason}", found.Reason);
        }
        else
        {
            _logger.LogWarning(exception, "Standby reads stopped, reads go to the primary: {Reason}", found.Reason);
        }
    }

    private sealed record State(bool Usable, string Reason, bool Initial = false);
}

/// <summary>Checks the standby every <see cref="ReadRouting.CheckInterval"/> (on the app's clock), the first time at start.</summary>
public sealed class StandbyMonitor(ReadRouting routing, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!routing.Configured)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await routing.RefreshAsync(stoppingToken);
                await Task.Delay(routing.CheckInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}

public static class StandbyReadsServices
{
    /// <summary>The routing of standby reads: options, the probe, the routing, its monitor and the per-request <see cref="ReadSide"/>.</summary>
    public static IServiceCollection AddStandbyReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReadOnlyOptions>(configuration.GetSection(ReadOnlyOptions.Section));
        services.TryAddSingleton<IStandbyProbe, PostgresStandbyProbe>();
        var connectionString = configuration.GetConnectionString(ReadOnlyOptions.ConnectionStringName);
        services.AddSingleton(sp => new ReadRouting(
            connectionString, sp.GetRequiredService<IOptions<ReadOnlyOptions>>(), sp.GetRequiredService<IStandbyProbe>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<StandbyMonitor>();
        services.TryAddScoped<IRecentWrites, NoRecentWrites>();
        services.AddScoped<ReadSide>();
        return services;
    }
}
