using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Correcting the register (docs/policy-rules.md, "Cancelling and merging records"): staff of the
/// area cancel (注销) a record registered in error, or merge a duplicate into the record that stays.
/// Each has a preview (what will happen, or why it cannot) and the command, which checks again,
/// audits and keeps the report rollups right in the same transaction. The two records are read through the scope and live-person filters; what hangs on them is
/// counted and moved in SQL over every table with a person id, whatever its region, so nothing is
/// left pointing at a cancelled record unseen. The report rollups follow by trigger.
/// </summary>
public sealed class PersonCorrections(PortalDbContext db, AuditLog audit, HouseholdDerivation households, BusinessClock clock)
{
    private const string EntityType = "Person";

    // Per person, locking the row against a concurrent correction or a new record hanging on it
    // (an insert that references a person takes a key-share lock on its row).
    private const string RecordsSql = """
        SELECT p.id,
               (SELECT count(*) FROM subsidy_applications x WHERE x.person_id = p.id)
             + (SELECT count(*) FROM hardship_certifications x WHERE x.person_id = p.id)
             + (SELECT count(*) FROM referrals x WHERE x.person_id = p.id)
             + (SELECT count(*) FROM job_applications x WHERE x.person_id = p.id)
             + (SELECT count(*) FROM seeker_links x WHERE x.person_id = p.id)
             + (SELECT count(*) FROM posting_pushes x WHERE x.person_id = p.id)
             + (SELECT count(*) FROM transfer_requests x WHERE x.person_id = p.id AND x.status <> @pending) AS services,
               (SELECT count(*) FROM transfer_requests x WHERE x.person_id = p.id AND x.status = @pending) AS pending_transfers,
               (SELECT count(*) FROM follow_ups x WHERE x.person_id = p.id) AS follow_ups,
               ARRAY(SELECT x.category FROM hardship_certifications x WHERE x.person_id = p.id AND x.status = @requested) AS open_categories
        FROM persons p WHERE p.id = ANY(@ids) ORDER BY p.id FOR UPDATE
        """;

    // Everything of the duplicate but its overlapping registrations goes to the survivor; the
    // registrations and follow-ups take the survivor's region, as a transfer does. The duplicate's
    // "may qualify" rows go (the next batch evaluates the survivor).
    private const string MoveSql = """
        UPDATE unemployment_registrations SET person_id = @survivor, region_code = @region WHERE id = ANY(@registrations);
        UPDATE follow_ups SET person_id = @survivor, region_code = @region WHERE person_id = @duplicate;
        UPDATE subsidy_applications SET person_id = @survivor WHERE person_id = @duplicate;
        UPDATE hardship_certifications SET person_id = @survivor WHERE person_id = @duplicate;
        UPDATE referrals SET person_id = @survivor WHERE person_id = @duplicate;
        UPDATE job_applications SET person_id = @survivor WHERE person_id = @duplicate;
        UPDATE seeker_links SET person_id = @survivor WHERE person_id = @duplicate;
        UPDATE posting_pushes SET person_id = @survivor WHERE person_id = @duplicate;
        UPDATE transfer_requests SET person_id = @survivor WHERE person_id = @duplicate;
        DELETE FROM eligibility_candidates WHERE person_id = @duplicate;
        """;

    /// <summary>What cancelling would do; null when the person is not a live record in the caller's area.</summary>
    public async Task<CancelPreview?> PreviewCancelAsync(Guid id, CancellationToken cancellationToken) =>
        (await PlanCancelAsync(id, cancellationToken))?.Preview;

    public Task<CommandResult> CancelAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        CorrectAsync(reason, () => PlanCancelAsync(id, cancellationToken), plan => plan.Preview.Blocks, (plan, text) => ApplyCancelAsync(plan, text, cancellationToken), cancellationToken);

    /// <summary>The live records of the caller's area with the same name, which a duplicate may be merged into.</summary>
    public async Task<IReadOnlyList<PersonSummary>?> MergeCandidatesAsync(Guid duplicateId, CancellationToken cancellationToken)
    {
        var duplicate = await db.Persons.AsNoTracking().Where(p => p.Id == duplicateId).Select(p => new { p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (duplicate is null)
        {
            return null;
        }

        var same = await db.Persons.AsNoTracking().Where(p => p.Name == duplicate.Name && p.Id != duplicateId).OrderBy(p => p.CreatedAt).Take(50).ToListAsync(cancellationToken);
        return await SummariesAsync(same, cancellationToken);
    }

    /// <summary>What merging would do; null when either is not a live record in the caller's area, or they are the same.</summary>
    public async Task<MergePreview?> PreviewMergeAsync(Guid duplicateId, Guid survivorId, CancellationToken cancellationToken) =>
        (await PlanMergeAsync(duplicateId, survivorId, cancellationToken))?.Preview;

    public Task<CommandResult> MergeAsync(Guid duplicateId, Guid survivorId, string reason, CancellationToken cancellationToken) =>
        CorrectAsync(reason, () => PlanMergeAsync(duplicateId, survivorId, cancellationToken), plan => plan.Preview.Blocks, (plan, text) => ApplyMergeAsync(plan, text, cancellationToken), cancellationToken);

    /// <summary>A cancelled record of the caller's area (for its history); null otherwise.</summary>
    public async Task<CancelledPerson?> CancelledAsync(Guid id, CancellationToken cancellationToken)
    {
        // Reviewed read past the live-person filter: a cancelled record is read here only, by id,
        // and the caller's scope is applied to its region here (resource-based, as for regions).
        var rows = await QueryAsync(
            "SELECT id, region_code, name, id_number_masked, cancelled_at, cancel_reason, merged_into_id FROM persons WHERE id = @id AND cancelled_at IS NOT NULL",
            command => command.Parameters.AddWithValue("id", id),
            reader => (RegionCode: reader.GetString(1), Person: new CancelledPerson(
                reader.GetGuid(0), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetGuid(6))),
            cancellationToken);
        return rows is [var row] && db.Scope.Includes(row.RegionCode) ? row.Person : null;
    }

    private async Task ApplyCancelAsync(CancelPlan plan, string text, CancellationToken cancellationToken)
    {
        var person = plan.Person;
        var before = PersonSnapshot.Of(person);
        await households.LeaveAsync(person, "cancelled", cancellationToken);
        person.Cancel(text, null, clock.UtcNow);
        await db.Database.ExecuteSqlAsync($"DELETE FROM eligibility_candidates WHERE person_id = {person.Id}", cancellationToken);
        audit.Add("PersonCancelled", EntityType, person.Id.ToString(), person.RegionCode, before, new { reason = text });
    }

    private async Task ApplyMergeAsync(MergePlan plan, string text, CancellationToken cancellationToken)
    {
        var (duplicate, survivor) = (plan.Duplicate, plan.Survivor);
        var now = clock.UtcNow;
        var before = PersonSnapshot.Of(duplicate);
        if (duplicate.HouseholdId is { } householdId)
        {
            // The survivor takes the duplicate's place (its relationship; the head's place too).
            if (survivor.HouseholdId is null || duplicate.Relationship == Relationship.Head)
            {
                var relationship = duplicate.Relationship ?? Relationship.OtherRelative;
                if (survivor.HouseholdId is null)
                {
                    audit.Add("HouseholdMemberAdded", HouseholdDerivation.EntityType, householdId.ToString(), survivor.RegionCode, null,
                        new { personId = survivor.Id, relationship = relationship.ToString(), reason = "merged" });
                }

                // Through the household, so the membership change is recorded as its own event.
                var household = await db.Households.SingleAsync(h => h.Id == householdId, cancellationToken);
                household.Join(survivor, relationship, clock.Today);
            }

            await households.LeaveAsync(duplicate, "merged", cancellationToken);
        }

        if (plan.MovedOpenSince is { } since)
        {
            survivor.SetRegisteredUnemployed(since, now);
        }

        // Certifications are moved with the other records (MoveSql): they are the one source of truth.
        duplicate.Cancel(text, survivor.Id, now);
        await db.Database.ExecuteSqlRawAsync(
            MoveSql,
            [
                new NpgsqlParameter("survivor", survivor.Id),
                new NpgsqlParameter("duplicate", duplicate.Id),
                new NpgsqlParameter("region", survivor.RegionCode),
                new NpgsqlParameter("registrations", plan.MovedRegistrations.ToArray()),
            ],
            cancellationToken);
        audit.Add("PersonCancelled", EntityType, duplicate.Id.ToString(), duplicate.RegionCode, before, new { reason = text, mergedIntoId = survivor.Id });
        audit.Add("PersonMerged", EntityType, survivor.Id.ToString(), survivor.RegionCode, null, new
        {
            personId = duplicate.Id,
            mergedIntoId = survivor.Id,
            reason = text,
            registrationsMoved = plan.Preview.RegistrationsMoved,
            registrationsKept = plan.Preview.RegistrationsKept,
            followUps = plan.Preview.FollowUps,
            otherRecords = plan.Preview.OtherRecords,
        });
    }

    private async Task<CancelPlan?> PlanCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var records = (await RecordsAsync([id], cancellationToken))[id];
        var registrations = await db.UnemploymentRegistrations.CountAsync(r => r.PersonId == id, cancellationToken);
        var others = person.HouseholdId is { } householdId ? await db.Persons.CountAsync(p => p.HouseholdId == householdId && p.Id != id, cancellationToken) : 0;
        var blocks = new List<string>();
        if (records.Services > 0)
        {
            blocks.Add("Cancel.HasRecords");
        }

        if (records.PendingTransfers > 0)
        {
            blocks.Add("Correction.TransferPending");
        }

        if (person.Relationship == Relationship.Head && others > 0)
        {
            blocks.Add("Cancel.HeadWithMembers");
        }

        var summary = (await SummariesAsync([person], cancellationToken))[0];
        return new CancelPlan(person, new CancelPreview(summary, registrations, records.FollowUps, person.HouseholdId is not null, person.HouseholdId is not null && others == 0, blocks));
    }

    private async Task<MergePlan?> PlanMergeAsync(Guid duplicateId, Guid survivorId, CancellationToken cancellationToken)
    {
        if (duplicateId == survivorId)
        {
            return null;
        }

        var persons = await db.Persons.Where(p => p.Id == duplicateId || p.Id == survivorId).ToListAsync(cancellationToken);
        var duplicate = persons.SingleOrDefault(p => p.Id == duplicateId);
        var survivor = persons.SingleOrDefault(p => p.Id == survivorId);
        if (duplicate is null || survivor is null)
        {
            return null;
        }

        var records = await RecordsAsync([duplicateId, survivorId], cancellationToken);
        var registrations = await db.UnemploymentRegistrations.AsNoTracking().Where(r => r.PersonId == duplicateId || r.PersonId == survivorId).ToListAsync(cancellationToken);
        var survivors = registrations.Where(r => r.PersonId == survivorId).ToList();
        var moved = registrations.Where(r => r.PersonId == duplicateId && !survivors.Any(r.Overlaps)).ToList();
        var blocks = new List<string>();
        if (!string.Equals(duplicate.Name, survivor.Name, StringComparison.Ordinal))
        {
            blocks.Add("Merge.NameDiffers");
        }

        if (records[duplicateId].PendingTransfers + records[survivorId].PendingTransfers > 0)
        {
            blocks.Add("Correction.TransferPending");
        }

        if (records[duplicateId].OpenCategories.Intersect(records[survivorId].OpenCategories).Any())
        {
            blocks.Add("Merge.CertificationsBothOpen");
        }

        var joins = false;
        if (duplicate.HouseholdId is { } householdId && survivor.HouseholdId != householdId)
        {
            if (survivor.HouseholdId is not null)
            {
                blocks.Add("Merge.TwoHouseholds");
            }
            else if (!await db.Households.AnyAsync(h => h.Id == householdId && h.RegionId == survivor.RegionId, cancellationToken))
            {
                blocks.Add("Merge.HouseholdOtherRegion");
            }
            else
            {
                joins = true;
            }
        }

        var summaries = await SummariesAsync([duplicate, survivor], cancellationToken);
        var preview = new MergePreview(
            summaries[0], summaries[1], moved.Count, registrations.Count - survivors.Count - moved.Count, records[duplicateId].FollowUps, records[duplicateId].Services, joins, blocks);
        return new MergePlan(duplicate, survivor, moved.Select(r => r.Id).ToList(), moved.SingleOrDefault(r => r.IsOpen)?.RegisteredOn, preview);
    }

    private async Task<Dictionary<Guid, Records>> RecordsAsync(Guid[] ids, CancellationToken cancellationToken) =>
        (await QueryAsync(
            RecordsSql,
            command =>
            {
                command.Parameters.AddWithValue("ids", ids);
                command.Parameters.AddWithValue("pending", (short)TransferStatus.Pending);
                command.Parameters.AddWithValue("requested", (short)CertificationStatus.Requested);
            },
            reader => (Id: reader.GetGuid(0), Records: new Records((int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), reader.GetFieldValue<string[]>(4))),
            cancellationToken))
        .ToDictionary(r => r.Id, r => r.Records);

    // A query on the context's connection, in its transaction when one is open.
    private async Task<List<T>> QueryAsync<T>(string sql, Action<NpgsqlCommand> parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
            parameters(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<PersonSummary>> SummariesAsync(IReadOnlyList<Person> persons, CancellationToken cancellationToken)
    {
        var regionIds = persons.Select(p => p.RegionId).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return persons.Select(p => new PersonSummary(p.Id, p.Name, p.IdNumberMasked, p.BirthDate, p.Sex, names[p.RegionId], p.UnemployedSince, p.HouseholdId, p.Relationship, p.CreatedAt)).ToList();
    }

    // Both commands: a reason; then in one transaction the plan again (the rows locked), what
    // blocks it, the change, and the save (a record changed since it was read is refused).
    private async Task<CommandResult> CorrectAsync<TPlan>(
        string? reason, Func<Task<TPlan?>> plan, Func<TPlan, IReadOnlyList<string>> blocks, Func<TPlan, string, Task> apply, CancellationToken cancellationToken)
        where TPlan : class
    {
        if (Reason(reason) is not { } text)
        {
            return CommandResult.Fail("Reason", "Correction.ReasonRequired");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await plan() is not { } planned)
        {
            return CommandResult.Fail(string.Empty, "Person.NotFound");
        }

        if (blocks(planned) is { Count: > 0 } blocked)
        {
            return new CommandResult(blocked.Select(b => (string.Empty, b)).ToList());
        }

        await apply(planned, text);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Fail(string.Empty, "Correction.ChangedMeanwhile");
        }

        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }

    private static string? Reason(string? reason)
    {
        var text = reason?.Trim() ?? string.Empty;
        return text.Length is 0 or > Person.CancelReasonMaxLength ? null : text;
    }

    private sealed record Records(int Services, int PendingTransfers, int FollowUps, string[] OpenCategories);

    private sealed record CancelPlan(Person Person, CancelPreview Preview);

    private sealed record MergePlan(Person Duplicate, Person Survivor, List<Guid> MovedRegistrations, DateOnly? MovedOpenSince, MergePreview Preview);
}
