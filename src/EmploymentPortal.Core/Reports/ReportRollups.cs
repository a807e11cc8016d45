using System.Data.Common;
using System.Diagnostics;
using Npgsql;

namespace EmploymentPortal.Core.Reports;

/// <summary>
/// The report rollups' maintenance outside the triggers (migration ReportRollups): the calendar of
/// dates an age or duration is reached (from <see cref="ReportThresholds"/>), and the full rebuild
/// of every rollup from the registry, in one transaction under an advisory lock.
/// </summary>
public static class ReportRollups
{
    private const string RebuildSql = """
        TRUNCATE report_registration_days, report_registration_months, report_household_days, report_household_months;
        INSERT INTO report_registration_days (region_code, day, opened, ended, reemployed, long_term_in, long_term_out, age_in, age_out, low_education_in, low_education_out)
        SELECT ev.region_code, ev.day, sum(ev.opened), sum(ev.ended), sum(ev.reemployed), sum(ev.long_term_in), sum(ev.long_term_out),
               sum(ev.age_in), sum(ev.age_out), sum(ev.low_education_in), sum(ev.low_education_out)
        FROM unemployment_registrations r JOIN persons p ON p.id = r.person_id AND p.cancelled_at IS NULL,
             LATERAL report_registration_events(r.region_code, r.registered_on, r.ended_on, r.end_reason, p.birth_date, p.sex, p.education) ev
        GROUP BY ev.region_code, ev.day;
        INSERT INTO report_registration_months (region_code, month, opened, ended, reemployed, long_term_in, long_term_out, age_in, age_out, low_education_in, low_education_out)
        SELECT region_code, date_trunc('month', day)::date, sum(opened), sum(ended), sum(reemployed), sum(long_term_in), sum(long_term_out),
               sum(age_in), sum(age_out), sum(low_education_in), sum(low_education_out)
        FROM report_registration_days GROUP BY 1, 2;
        INSERT INTO report_household_days (region_code, day, status, households)
        SELECT region_code, day, status, sum(delta) FROM (
            SELECT h.region_code, c."on" AS day, c."from" AS status, -1 AS delta FROM household_status_changes c JOIN households h ON h.id = c.household_id
            UNION ALL
            SELECT h.region_code, c."on", c."to", 1 FROM household_status_changes c JOIN households h ON h.id = c.household_id) e
        WHERE status <> 0 GROUP BY 1, 2, 3;
        INSERT INTO report_household_months (region_code, month, status, households)
        SELECT region_code, date_trunc('month', day)::date, status, sum(households) FROM report_household_days GROUP BY 1, 2, 3;
        ANALYZE report_registration_days, report_registration_months, report_household_days, report_household_months;
        """;

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

        await using (var calendar = new NpgsqlCommand(
            """
            TRUNCATE report_calendar;
            INSERT INTO report_calendar (day, women_4050, men_4050, long_term) SELECT * FROM unnest(@days, @women, @men, @longTerm);
            INSERT INTO report_settings (id, women_4050_years, men_4050_years, long_term_months, rebuilt_at) VALUES (1, @w, @m, @lt, @now)
            ON CONFLICT (id) DO UPDATE SET women_4050_years = excluded.women_4050_years, men_4050_years = excluded.men_4050_years,
                long_term_months = excluded.long_term_months, rebuilt_at = excluded.rebuilt_at;
            """,
            connection,
            transaction))
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
