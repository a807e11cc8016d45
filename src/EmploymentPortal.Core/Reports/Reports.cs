using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persistence.Standby;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Reports;

/// <summary>
/// Every dashboard figure comes from here, read from the rollups only (never the registry): stocks on a date are
/// the sums of entry minus exit events up to the date (whole months from the monthly rollup, the
/// date's own month from the daily one), flows are the events in the month and the year to date.
/// Rows are the codes' prefixes one level down, so the rows add up to the region by construction.
/// The dashboard's reads are on the request's <see cref="ReadSide"/> (the standby when one is in use,
/// docs/adr/0008-standby-reads.md); the rebuild writes on the primary.
/// </summary>
public sealed class Reports(PortalDbContext db, ReadSide reads, PolicyParameterStore parameters, BusinessClock clock)
{
    private static string RegistrationSql => SqlFiles.Read("Reports/Sql/dashboard_registrations.sql");

    private static string HouseholdSql => SqlFiles.Read("Reports/Sql/dashboard_households.sql");

    // Referrals are few (one row per referral, indexed by region): counted directly, not rolled up.
    private static string PlacementSql => SqlFiles.Read("Reports/Sql/dashboard_placements.sql");

    private static string MonthlySql => SqlFiles.Read("Reports/Sql/monthly.sql");

    // The services' own tables are small next to the registry: counted directly. An application's
    // approval is its last "approved" step (no step follows the final one), its payment the payment's date.
    private static string ActivitySql => SqlFiles.Read("Reports/Sql/activity.sql");

    /// <summary>The services' work in the dashboard's year up to its date, per row and per scheme (counted directly: these tables are small).</summary>
    public async Task<DashboardActivity> ActivityAsync(RegistryDashboard dashboard, CancellationToken cancellationToken) =>
        await reads.ReadAsync(async () => await ReadActivityAsync(dashboard, cancellationToken), cancellationToken);

    private async Task<DashboardActivity> ReadActivityAsync(RegistryDashboard dashboard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var region = RegionCode.Parse(dashboard.RegionCode);
        var length = ChildPrefixLength(region);
        var byChild = new Dictionary<string, ActivityFigures>(StringComparer.Ordinal);
        var bySchemes = new Dictionary<string, ActivityFigures>(StringComparer.Ordinal);
        await OnConnectionAsync(reads.Db, async connection =>
        {
            await using var command = new NpgsqlCommand(ActivitySql, connection);
            command.Parameters.AddWithValue("len", length);
            command.Parameters.AddWithValue("pattern", region.ScopePrefix + "%");
            command.Parameters.AddWithValue("yearStart", clock.StartOf(new DateOnly(dashboard.On.Year, 1, 1)));
            command.Parameters.AddWithValue("dayAfter", clock.StartOf(dashboard.On.AddDays(1)));
            command.Parameters.AddWithValue("yearDay", new DateOnly(dashboard.On.Year, 1, 1));
            command.Parameters.AddWithValue("on", dashboard.On);
            command.Parameters.AddWithValue("certified", (short)Domain.Eligibility.CertificationStatus.Approved);
            command.Parameters.AddWithValue("approvedStep", (short)Domain.Subsidies.StepAction.Approved);
            command.Parameters.AddWithValue("approvedStatus", (short)Domain.Subsidies.ApplicationStatus.Approved);
            command.Parameters.AddWithValue("rejectedStatus", (short)Domain.Subsidies.ApplicationStatus.Rejected);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var child = reader.GetString(0).PadRight(RegionCode.Length, '0');
                var (n, amount) = (reader.GetInt32(2), reader.GetDecimal(3));
                var figures = reader.GetString(4) switch
                {
                    "certified" => ActivityFigures.Zero with { Certified = n },
                    "posted" => ActivityFigures.Zero with { PostingsPublished = n },
                    "filled" => ActivityFigures.Zero with { PostingsFilled = n },
                    "referred" => ActivityFigures.Zero with { Referred = n },
                    "approved" => ActivityFigures.Zero with { Approved = n, ApprovedAmount = amount },
                    _ => ActivityFigures.Zero with { Paid = n, PaidAmount = amount },
                };
                byChild[child] = byChild.GetValueOrDefault(child, ActivityFigures.Zero).Add(figures);
                if (reader.GetString(1) is { Length: > 0 } scheme)
                {
                    bySchemes[scheme] = bySchemes.GetValueOrDefault(scheme, ActivityFigures.Zero).Add(figures);
                }
            }
        }, cancellationToken);

        var total = byChild.Values.Aggregate(ActivityFigures.Zero, (a, b) => a.Add(b));
        return new DashboardActivity(byChild, total, bySchemes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value)).ToList());
    }

    /// <summary>
    /// The last <paramref name="months"/> months of a region up to the month of <paramref name="on"/>
    /// (oldest first), from the same rollups; null when the region is outside the caller's area.
    /// </summary>
    public async Task<IReadOnlyList<MonthFigures>?> MonthlyAsync(string regionCode, DateOnly on, int months, CancellationToken cancellationToken) =>
        await reads.ReadAsync(async () => await ReadMonthlyAsync(regionCode, on, months, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<MonthFigures>?> ReadMonthlyAsync(string regionCode, DateOnly on, int months, CancellationToken cancellationToken)
    {
        if (!RegionCode.TryParse(regionCode, out var region) || !db.Scope.Includes(region.Value) || months < 1)
        {
            return null;
        }

        var month = new DateOnly(on.Year, on.Month, 1);
        var from = month.AddMonths(1 - months);
        var found = new Dictionary<DateOnly, (int New, int Reemployed)>();
        await OnConnectionAsync(reads.Db, async connection =>
        {
            await using var command = new NpgsqlCommand(MonthlySql, connection);
            command.Parameters.AddWithValue("pattern", region.ScopePrefix + "%");
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("month", month);
            command.Parameters.AddWithValue("on", on);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetFieldValue<DateOnly>(0)] = (reader.IsDBNull(1) ? 0 : reader.GetInt32(1), reader.IsDBNull(2) ? 0 : reader.GetInt32(2));
            }
        }, cancellationToken);

        return Enumerable.Range(0, months).Select(i => from.AddMonths(i))
            .Select(m => found.TryGetValue(m, out var f) ? new MonthFigures(m, f.New, f.Reemployed) : new MonthFigures(m, 0, 0))
            .ToList();
    }

    /// <summary>
    /// The figures of <paramref name="regionCode"/> (default: the caller's own region) per child
    /// region as of <paramref name="on"/>; null when the region is unknown or outside the caller's area.
    /// </summary>
    public async Task<RegistryDashboard?> RegistryDashboardAsync(string? regionCode, DateOnly on, CancellationToken cancellationToken) =>
        await reads.ReadAsync(async () => await ReadRegistryDashboardAsync(regionCode, on, cancellationToken), cancellationToken);

    private async Task<RegistryDashboard?> ReadRegistryDashboardAsync(string? regionCode, DateOnly on, CancellationToken cancellationToken)
    {
        var scope = db.Scope;
        string? code = regionCode;
        if (code is null)
        {
            code = scope.RegionPrefix is { } own
                ? RegionCode.FromPrefix(own).Value
                : scope.SeesAll
                    ? await reads.Db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync(cancellationToken)
                    : null;
        }

        if (code is null || !RegionCode.TryParse(code, out var region) || !scope.Includes(region.Value))
        {
            return null;
        }

        var self = await reads.Db.Regions.AsNoTracking().Where(r => r.Code == region.Value).Select(r => new { r.Id, r.Name, r.ParentId }).FirstOrDefaultAsync(cancellationToken);
        if (self is null)
        {
            return null;
        }

        var children = await reads.Db.Regions.AsNoTracking().Where(r => r.ParentId == self.Id).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        var parentCode = region.Parent is { } parent && scope.Includes(parent.Value) ? parent.Value : null;
        var length = ChildPrefixLength(region);
        var figures = await FiguresAsync(region.ScopePrefix, length, on, cancellationToken);

        var rows = new List<RegistryRow>();
        if (region.Level == RegionLevel.Community)
        {
            rows.Add(new RegistryRow(region.Value, self.Name, false, false, figures.GetValueOrDefault(region.Value, RegistryFigures.Zero)));
        }
        else
        {
            foreach (var child in children)
            {
                var key = child.Code[..length];
                rows.Add(new RegistryRow(child.Code, child.Name, false, true, figures.GetValueOrDefault(key, RegistryFigures.Zero)));
            }

            // Records kept at the region's own code (e.g. registered at the street office), and any at a
            // code the region tree lacks, get a row of their own so that the rows add up.
            var listed = children.Select(c => c.Code[..length]).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, value) in figures.Where(f => !listed.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var padded = key.PadRight(RegionCode.Length, '0');
                var direct = padded == region.Value;
                rows.Add(new RegistryRow(padded, direct ? self.Name : padded, direct, false, value));
            }
        }

        return new RegistryDashboard(region.Value, self.Name, region.Level, parentCode, on, rows, RegistryFigures.Sum(rows.Select(r => r.Figures)));
    }

    /// <summary>Recomputes every rollup from the registry (and the calendar from the parameters in force today).</summary>
    public async Task<ReportRebuildSummary> RebuildAsync(CancellationToken cancellationToken)
    {
        RowSecurity.RequireWholeRegister(db, "rebuilding the report rollups");
        var set = await parameters.GetAsync(cancellationToken);
        ReportRebuildSummary? summary = null;
        await OnConnectionAsync(db, async connection => summary = await ReportRollups.RebuildAsync(connection, ReportThresholds.On(set, clock.Today), clock.UtcNow, cancellationToken), cancellationToken);
        return summary!;
    }

    private async Task<Dictionary<string, RegistryFigures>> FiguresAsync(string prefix, int length, DateOnly on, CancellationToken cancellationToken)
    {
        var registrations = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var households = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var placements = new Dictionary<string, (int Month, int Year)>(StringComparer.Ordinal);
        await OnConnectionAsync(reads.Db, async connection =>
        {
            var month = new DateOnly(on.Year, on.Month, 1);
            var year = new DateOnly(on.Year, 1, 1);
            var commands = new[] { new NpgsqlBatchCommand(RegistrationSql), new NpgsqlBatchCommand(HouseholdSql), new NpgsqlBatchCommand(PlacementSql) };
            await using var batch = new NpgsqlBatch(connection);
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
                command.Parameters.AddWithValue("len", length);
                command.Parameters.AddWithValue("pattern", prefix + "%");
                command.Parameters.AddWithValue("month", month);
                command.Parameters.AddWithValue("year", year);
                command.Parameters.AddWithValue("on", on);
            }

            commands[2].Parameters.AddWithValue("hired", (short)Domain.Jobs.ReferralOutcome.Hired);

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new int[8];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i + 1) ? 0 : reader.GetInt32(i + 1);
                }

                registrations[reader.GetString(0)] = values;
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = reader.GetString(0);
                var status = (ZeroEmploymentStatus)reader.GetInt16(1);
                if (!households.TryGetValue(key, out var counts))
                {
                    households[key] = counts = new int[5];
                }

                counts[(int)status] += reader.IsDBNull(2) ? 0 : reader.GetInt32(2);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                placements[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2));
            }
        }, cancellationToken);

        var result = new Dictionary<string, RegistryFigures>(StringComparer.Ordinal);
        foreach (var key in registrations.Keys.Union(households.Keys).Union(placements.Keys))
        {
            var r = registrations.GetValueOrDefault(key) ?? new int[8];
            var h = households.GetValueOrDefault(key) ?? new int[5];
            var p = placements.GetValueOrDefault(key);
            var figures = new RegistryFigures(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                h[(int)ZeroEmploymentStatus.Identified], h[(int)ZeroEmploymentStatus.Assisting], h[(int)ZeroEmploymentStatus.Eliminated], h[(int)ZeroEmploymentStatus.Stable],
                p.Month, p.Year);
            if (figures != RegistryFigures.Zero)
            {
                result[key] = figures;
            }
        }

        return result;
    }

    /// <summary>The length of the code prefix a dashboard's rows are grouped by: one level down, a community itself.</summary>
    private static int ChildPrefixLength(RegionCode region) =>
        RegionCode.PrefixLength(region.Level == RegionLevel.Community ? RegionLevel.Community : region.Level + 1);

    /// <summary>Runs work on a context's connection, opened for it and closed after (the pool keeps it).</summary>
    private static async Task OnConnectionAsync(PortalDbContext context, Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await work((NpgsqlConnection)context.Database.GetDbConnection());
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
