using System.Data.Common;
using System.Diagnostics;
using EmploymentPortal.Core.Persistence;
using Npgsql;

namespace EmploymentPortal.Core.Reports;

/// <summary>
/// The report rollups' maintenance outside the triggers (migration ReportRollups): the calendar of
/// dates an age or duration is reached (from <see cref="ReportThresholds"/>), and the full rebuild
/// of every rollup from the registry, in one transaction under an advisory lock.
/// </summary>
public static class ReportRollups
{
    private static string CalendarSql => SqlFiles.Read("Reports/Sql/rollups_calendar.sql");

    private static string RebuildSql => SqlFiles.Read("Reports/Sql/rollups_rebuild.sql");

    /// <summary>
    /// Fills the calendar and rebuilds the rollups when the calendar is empty or was made with other
    /// thresholds (a parameter changed); otherwise leaves them to the triggers. Run after migrations.
    /// </summary>
    public static async Task<bool> EnsureAsync(DbConnection connection, ReportThresholds thresholds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var npgsql = (NpgsqlConnection)connection;
        await using (var check = new NpgsqlCommand("SELECT women_4050_years, men_4050_years, long_term_months FROM report_settings WHERE id = 1", npgsql))
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken)
                && new ReportThresholds(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)) == thresholds)
            {
                return false;
            }
        }

        await RebuildAsync(npgsql, thresholds, now, cancellationToken);
        return true;
    }

    public static async Task<ReportRebuildSummary> RebuildAsync(NpgsqlConnection connection, ReportThresholds thresholds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(thresholds);
        var watch = Stopwatch.StartNew();
        var days = new List<DateOnly>();
        var women = new List<DateOnly>();
        var men = new List<DateOnly>();
        var longTerm = new List<DateOnly>();
        for (var day = ReportThresholds.First; day <= ReportThresholds.Last; day = day.AddDays(1))
        {
            days.Add(day);
            women.Add(thresholds.WomenFrom(day));
            men.Add(thresholds.MenFrom(day));
            longTerm.Add(thresholds.LongTermFrom(day));
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The rebuild and a parallel one (or the start-up check) take turns; writers wait on TRUNCATE's lock.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('report_rollups'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var calendar = new NpgsqlCommand(CalendarSql, connection, transaction))
        {
            calendar.Parameters.AddWithValue("days", days.ToArray());
            calendar.Parameters.AddWithValue("women", women.ToArray());
            calendar.Parameters.AddWithValue("men", men.ToArray());
            calendar.Parameters.AddWithValue("longTerm", longTerm.ToArray());
            calendar.Parameters.AddWithValue("w", thresholds.WomenYears);
            calendar.Parameters.AddWithValue("m", thresholds.MenYears);
            calendar.Parameters.AddWithValue("lt", thresholds.LongTermMonths);
            calendar.Parameters.AddWithValue("now", now);
            await calendar.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var rebuild = new NpgsqlCommand(RebuildSql, connection, transaction) { CommandTimeout = 600 })
        {
            await rebuild.ExecuteNonQueryAsync(cancellationToken);
        }

        long registrationDays;
        long householdDays;
        await using (var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM report_registration_days), (SELECT count(*) FROM report_household_days)", connection, transaction))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            registrationDays = reader.GetInt64(0);
            householdDays = reader.GetInt64(1);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ReportRebuildSummary(registrationDays, householdDays, watch.Elapsed);
    }
}
