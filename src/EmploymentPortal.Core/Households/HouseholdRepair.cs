using System.Diagnostics;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace EmploymentPortal.Core.Households;

/// <summary>
/// The repair of issue 13 (<c>-- repair-households</c>, docs/operations.md): before causes were
/// recorded, a working member added to an identified household, or an employed member reaching
/// working age, "eliminated" it. Every elimination recorded without a cause is checked for a
/// member finding work in the same transaction (the audit events written with it: a person's
/// employment status going from not working to working, or an unemployment registration ended
/// as employed or self-employed); the households with one that has none get their history
/// corrected by <see cref="HouseholdHistoryRepair"/>, their status and "since" set from it (and a
/// plan the status no longer keeps cleared), one audit event each; the genuine ones get the cause
/// <see cref="HouseholdChangeCause.MemberFoundWork"/>. Membership events are back-filled from the
/// audit trail for households created before they were kept. Then the report rollups are
/// rebuilt. One transaction for the corrections; running it again finds nothing to do.
/// </summary>
public sealed class HouseholdRepair(PortalDbContext db, AuditLog audit, Reports.Reports reports, BusinessClock clock)
{
    // Eliminations without a cause (0), with whether a member found work in their transaction:
    // the household's own HouseholdStatusChanged event shares the step's xmin, and so does the
    // person's event beside it (a minute either side bounds the search by the occurred_at index).
    private static string ReadSteps => SqlFiles.Read("Households/Sql/household_repair_steps.sql");

    // Member additions and removals in the audit trail of households that have no membership events yet.
    private static string ReadMembership => SqlFiles.Read("Households/Sql/household_repair_membership.sql");

    private static string WriteStatus => SqlFiles.Read("Households/Sql/household_repair_status.sql");

    private const string RewriteStep = """UPDATE household_status_changes SET "from" = @from, "to" = @to, cause = @cause WHERE id = @id""";

    public async Task<HouseholdRepairSummary> RepairAsync(CancellationToken cancellationToken)
    {
        RowSecurity.RequireWholeRegister(db, "the household repair");
        var watch = Stopwatch.StartNew();
        var (examined, corrected, confirmed) = await CorrectAsync(cancellationToken);
        await reports.RebuildAsync(cancellationToken);
        return new HouseholdRepairSummary(examined, corrected, confirmed, watch.Elapsed);
    }

    private async Task<(int Examined, int Corrected, int Confirmed)> CorrectAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tx = (NpgsqlTransaction)transaction.GetDbTransaction();

        // Staff edits wait until the corrections commit; pages still read.
        await ExecuteAsync(connection, tx, "LOCK TABLE households, household_status_changes, household_member_changes IN EXCLUSIVE MODE", cancellationToken);
        var households = await ReadStepsAsync(connection, tx, cancellationToken);
        var (corrected, confirmed) = (0, 0);
        foreach (var household in households)
        {
            var replay = HouseholdHistoryRepair.Replay(household.Steps);
            var changed = replay.Where(c => household.Steps.Single(s => s.Id == c.Id) is var s && (!c.Keep || (s.From, s.To, s.Cause) != (c.From, c.To, c.Cause))).ToList();
            foreach (var step in changed)
            {
                await using var write = new NpgsqlCommand(step.Keep ? RewriteStep : "DELETE FROM household_status_changes WHERE id = @id", connection, tx);
                write.Parameters.AddWithValue("id", step.Id);
                write.Parameters.AddWithValue("from", (short)step.From);
                write.Parameters.AddWithValue("to", (short)step.To);
                write.Parameters.AddWithValue("cause", (short)step.Cause);
                await write.ExecuteNonQueryAsync(cancellationToken);
            }

            var falseEliminations = replay.Count(c => c.Cause == HouseholdChangeCause.Corrected);
            confirmed += changed.Count(c => c.Keep && c.Cause == HouseholdChangeCause.MemberFoundWork && c.To == ZeroEmploymentStatus.Eliminated);
            if (falseEliminations == 0)
            {
                continue;
            }

            corrected++;
            var last = replay.LastOrDefault(c => c.Keep);
            var status = last?.To ?? ZeroEmploymentStatus.None;
            await using (var update = new NpgsqlCommand(WriteStatus, connection, tx))
            {
                update.Parameters.AddWithValue("status", (short)status);
                update.Parameters.AddWithValue("since", last is null ? DBNull.Value : last.On);
                update.Parameters.AddWithValue("keeps", Household.KeepsPlan(status));
                update.Parameters.AddWithValue("id", household.Id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            audit.Add("HouseholdStatusCorrected", HouseholdDerivation.EntityType, household.Id.ToString(), household.RegionCode,
                new { status = household.Status.ToString(), steps = household.Steps.Select(s => $"{s.On:yyyy-MM-dd} {s.From} → {s.To}") },
                new { status = status.ToString(), steps = replay.Where(c => c.Keep).Select(c => $"{c.On:yyyy-MM-dd} {c.From} → {c.To} ({c.Cause})"), falseEliminations });
        }

        var membership = await BackfillMembershipAsync(connection, tx, cancellationToken);
        audit.Add("HouseholdsRepaired", HouseholdDerivation.EntityType, "*", null, null, new { examined = households.Count, corrected, confirmed, membershipEvents = membership });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (households.Count, corrected, confirmed);
    }

    private static async Task<List<RepairedHousehold>> ReadStepsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        var households = new List<RepairedHousehold>();
        await using var read = new NpgsqlCommand(ReadSteps, connection, tx);
        read.Parameters.AddWithValue("working", Enum.GetValues<EmploymentStatus>().Where(s => s.IsWorking()).Select(s => s.ToString()).ToArray());
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(1);
            if (households.Count == 0 || households[^1].Id != id)
            {
                households.Add(new RepairedHousehold(id, (ZeroEmploymentStatus)reader.GetInt16(7), reader.GetString(8), []));
            }

            households[^1].Steps.Add(new RecordedStep(reader.GetInt64(0), (ZeroEmploymentStatus)reader.GetInt16(2), (ZeroEmploymentStatus)reader.GetInt16(3),
                reader.GetFieldValue<DateOnly>(4), (HouseholdChangeCause)reader.GetInt16(5), reader.GetBoolean(6)));
        }

        return households;
    }

    /// <summary>Membership events from the audit trail, dated in the business time zone; returns how many.</summary>
    private async Task<int> BackfillMembershipAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        var rows = new List<(Guid Household, Guid Person, Relationship Relationship, bool Joined, DateOnly On)>();
        await using (var read = new NpgsqlCommand(ReadMembership, connection, tx))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.IsDBNull(3) || !Guid.TryParse(reader.GetString(3), out var person))
                {
                    continue;
                }

                var household = reader.GetGuid(0);
                var joined = reader.GetString(1) == "HouseholdMemberAdded";

                // A removal by transfer did not record the relationship: the one the person joined with.
                var relationship = !reader.IsDBNull(4) && Enum.TryParse<Relationship>(reader.GetString(4), out var recorded) ? recorded
                    : rows.LastOrDefault(r => r.Household == household && r.Person == person && r.Joined).Relationship;
                rows.Add((household, person, relationship == default ? Relationship.OtherRelative : relationship, joined, clock.DateOf(reader.GetFieldValue<DateTimeOffset>(2))));
            }
        }

        foreach (var row in rows)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO household_member_changes (household_id, person_id, relationship, joined, \"on\") VALUES (@household, @person, @relationship, @joined, @on)", connection, tx);
            insert.Parameters.AddWithValue("household", row.Household);
            insert.Parameters.AddWithValue("person", row.Person);
            insert.Parameters.AddWithValue("relationship", (short)row.Relationship);
            insert.Parameters.AddWithValue("joined", row.Joined);
            insert.Parameters.AddWithValue("on", row.On);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows.Count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record RepairedHousehold(Guid Id, ZeroEmploymentStatus Status, string RegionCode, List<RecordedStep> Steps);
}
