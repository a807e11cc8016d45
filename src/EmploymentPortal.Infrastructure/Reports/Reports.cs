using EmploymentPortal.Application.Reports;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Infrastructure.Persistence;
using EmploymentPortal.Infrastructure.Policies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Infrastructure.Reports;

/// <summary>
/// The dashboard figures, read from the rollups only (never the registry): stocks on a date are
/// the sums of entry minus exit events up to the date (whole months from the monthly rollup, the
/// date's own month from the daily one), flows are the events in the month and the year to date.
/// Rows are the codes' prefixes one level down, so the rows add up to the region by construction.
/// </summary>
public sealed class Reports(PortalDbContext db, PolicyParameterStore parameters, TimeProvider clock) : IReports
{
    private const string RegistrationSql = """
        SELECT child, sum(registered)::int, sum(new_month)::int, sum(new_year)::int, sum(re_month)::int, sum(re_year)::int,
               sum(long_term)::int, sum(low_education)::int, sum(age4050)::int
        FROM (
            SELECT left(region_code, @len) AS child,
                   sum(opened - ended) AS registered, 0 AS new_month, sum(opened) FILTER (WHERE month >= @year) AS new_year,
                   0 AS re_month, sum(reemployed) FILTER (WHERE month >= @year) AS re_year,
                   sum(long_term_in - long_term_out) AS long_term, sum(low_education_in - low_education_out) AS low_education, sum(age_in - age_out) AS age4050
            FROM report_registration_months WHERE region_code LIKE @pattern AND month < @month
            GROUP BY 1
            UNION ALL
            SELECT left(region_code, @len), sum(opened - ended), sum(opened), sum(opened), sum(reemployed), sum(reemployed),
                   sum(long_term_in - long_term_out), sum(low_education_in - low_education_out), sum(age_in - age_out)
            FROM report_registration_days WHERE region_code LIKE @pattern AND day >= @month AND day <= @on
            GROUP BY 1) f
        GROUP BY child
        """;

    private const string HouseholdSql = """
        SELECT left(region_code, @len) AS child, status, sum(households)::int
        FROM (
            SELECT region_code, status, households FROM report_household_months WHERE region_code LIKE @pattern AND month < @month
            UNION ALL
            SELECT region_code, status, households FROM report_household_days WHERE region_code LIKE @pattern AND day >= @month AND day <= @on) h
        GROUP BY 1, 2
        """;

    public async Task<RegistryDashboard?> RegistryDashboardAsync(string? regionCode, DateOnly on, CancellationToken cancellationToken)
    {
        var scope = db.Scope;
        string? code = regionCode;
        if (code is null)
        {
            code = scope.RegionPrefix is { } own
                ? RegionCode.FromPrefix(own).Value
                : scope.SeesAll
                    ? await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code).Select(r => r.Code).FirstOrDefaultAsync(cancellationToken)
                    : null;
        }

        if (code is null || !RegionCode.TryParse(code, out var region) || !scope.Includes(region.Value))
        {
            return null;
        }

        var self = await db.Regions.AsNoTracking().Where(r => r.Code == region.Value).Select(r => new { r.Id, r.Name, r.ParentId }).FirstOrDefaultAsync(cancellationToken);
        if (self is null)
        {
            return null;
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentId == self.Id).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        var parentCode = region.Parent is { } parent && scope.Includes(parent.Value) ? parent.Value : null;
        var childLevel = region.Level == RegionLevel.Community ? RegionLevel.Community : region.Level + 1;
        var length = RegionCode.PrefixLength(childLevel);
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

    public async Task<ReportRebuildSummary> RebuildAsync(CancellationToken cancellationToken)
    {
        var set = await parameters.GetAsync(cancellationToken);
        var now = clock.GetLocalNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReportRollups.RebuildAsync(connection, ReportThresholds.On(set, DateOnly.FromDateTime(now.Date)), now, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Dictionary<string, RegistryFigures>> FiguresAsync(string prefix, int length, DateOnly on, CancellationToken cancellationToken)
    {
        var registrations = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var households = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var month = new DateOnly(on.Year, on.Month, 1);
            var year = new DateOnly(on.Year, 1, 1);
            var commands = new[] { new NpgsqlBatchCommand(RegistrationSql), new NpgsqlBatchCommand(HouseholdSql) };
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
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var result = new Dictionary<string, RegistryFigures>(StringComparer.Ordinal);
        foreach (var key in registrations.Keys.Union(households.Keys))
        {
            var r = registrations.GetValueOrDefault(key) ?? new int[8];
            var h = households.GetValueOrDefault(key) ?? new int[5];
            var figures = new RegistryFigures(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                h[(int)ZeroEmploymentStatus.Identified], h[(int)ZeroEmploymentStatus.Assisting], h[(int)ZeroEmploymentStatus.Eliminated], h[(int)ZeroEmploymentStatus.Stable]);
            if (figures != RegistryFigures.Zero)
            {
                result[key] = figures;
            }
        }

        return result;
    }
}
