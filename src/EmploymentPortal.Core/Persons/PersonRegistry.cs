using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// The ledger's use cases over EF Core. Reads and writes are limited to the caller's area (scope
/// comes from the context's query filters); every change and every reveal of a full ID number
/// writes an audit event in the same transaction.
/// </summary>
public sealed class PersonRegistry(
    PortalDbContext db,
    UnscopedReads unscoped,
    IIdNumberProtector protector,
    AuditLog audit,
    ICurrentActor actor,
    PolicyParameterStore parameters,
    HouseholdDerivation households,
    PersonCorrections corrections,
    BusinessClock clock,
    DuplicateAnswers duplicateAnswers,
    PortalMetrics metrics)
{
    private const string EntityType = "Person";

    private DateOnly Today => clock.Today;

    public async Task<RegisterPersonResult> RegisterAsync(RegisterPersonInput input, CancellationToken cancellationToken)
    {
        var problem = ResidentIdNumber.TryParse(input.IdNumber, Today, out var id);
        if (problem != IdNumberProblem.None)
        {
            return new RegisterPersonResult(null, [("IdNumber", "IdNumber." + problem)]);
        }

        var region = await db.Regions.AsNoTracking().Where(r => r.Id == input.RegionId).Select(r => new { r.Id, r.Code, r.Level }).SingleOrDefaultAsync(cancellationToken);
        if (region is null || !db.Scope.Includes(region.Code) || region.Level is not (RegionLevel.Community or RegionLevel.Street))
        {
            return new RegisterPersonResult(null, [("RegionId", "Person.RegionOutOfScope")]);
        }

        var hash = protector.LookupHash(id);
        var duplicate = await DuplicateAsync(hash, id.Masked, cancellationToken);
        if (duplicate is not null)
        {
            return duplicate;
        }

        var person = Person.Register(id, protector.Protect(id), region.Id, region.Code, input.Details, clock.UtcNow);
        db.Persons.Add(person);
        audit.Add("PersonRegistered", EntityType, person.Id.ToString(), person.RegionCode, null, PersonSnapshot.Of(person));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two registrations of the same number raced; the unique blind index let one through.
            db.ChangeTracker.Clear();
            return await DuplicateAsync(hash, id.Masked, cancellationToken) ?? throw new InvalidOperationException("Unique violation without a duplicate.", e);
        }

        metrics.PersonRegistered();
        return new RegisterPersonResult(person.Id, []);
    }

    public async Task<PagedResult<PersonListItem>> ListAsync(PersonListQuery query, CancellationToken cancellationToken)
    {
        var ledger = await LedgerQuery.CreateAsync(db, protector, parameters, Today, cancellationToken);
        var persons = ledger.Filter(query);
        var page = Math.Max(1, query.Page);
        var (total, capped) = await LedgerQuery.CountAsync(persons, (page - 1) * query.PageSize, LedgerQuery.CountCapOf(query), cancellationToken);
        var items = await ledger.PageAsync(persons, query.Sort, (page - 1) * query.PageSize, query.PageSize, cancellationToken);
        return new PagedResult<PersonListItem>(items, page, query.PageSize, total) { CountCapped = capped };
    }

    /// <summary>A person's name in the user's area (for the message after an action on their record), or empty when not found.</summary>
    public async Task<string> NameAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Persons.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;

    public async Task<PersonView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var set = await parameters.GetAsync(cancellationToken);
        var today = Today;
        var longTermMonths = set.IntOn(ParameterKeys.LongTermUnemploymentMonths, today);
        var regionName = await db.Regions.Where(r => r.Id == person.RegionId).Select(r => r.Name).SingleAsync(cancellationToken);
        var registrations = await db.UnemploymentRegistrations.AsNoTracking().Where(r => r.PersonId == id).ToListAsync(cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.PersonId == id).ToListAsync(cancellationToken);

        var timeline = new List<TimelineEntry> { new(clock.DateOf(person.CreatedAt), TimelineKind.Registered, null, null, null, null) };
        foreach (var r in registrations)
        {
            timeline.Add(new(r.RegisteredOn, TimelineKind.UnemploymentRegistered, null, null, null, null));
            if (r.EndedOn is { } ended)
            {
                timeline.Add(new(ended, TimelineKind.UnemploymentEnded, null, null, null, r.EndReason));
            }
        }

        timeline.AddRange(followUps.Select(f => new TimelineEntry(f.OccurredOn, TimelineKind.FollowUp, f.Notes, f.StaffName, f.Kind, null)));
        if (person.HouseholdId is { } inHousehold)
        {
            var steps = await db.Households.Where(h => h.Id == inHousehold).SelectMany(h => h.StatusChanges).AsNoTracking().ToListAsync(cancellationToken);
            timeline.AddRange(steps.Select(c => new TimelineEntry(c.On, TimelineKind.HouseholdStatus, null, null, null, null, c.To)));
        }

        var transfers = await db.TransferRequests.AsNoTracking()
            .Where(t => t.PersonId == id && t.Status == TransferStatus.Released)
            .Select(t => new { t.DecidedAt, From = db.Regions.Where(r => r.Id == t.FromRegionId).Select(r => r.Name).First(), To = db.Regions.Where(r => r.Id == t.ToRegionId).Select(r => r.Name).First(), t.DecidedByName })
            .ToListAsync(cancellationToken);
        timeline.AddRange(transfers.Select(t => new TimelineEntry(clock.DateOf(t.DecidedAt!.Value), TimelineKind.Transferred, $"{t.From} → {t.To}", t.DecidedByName, null, null)));

        var open = registrations.SingleOrDefault(r => r.IsOpen);
        var household = person.HouseholdId is { } householdId
            ? await db.Households.Where(h => h.Id == householdId).Select(h => new PersonHousehold(h.Id, person.Relationship ?? Domain.Households.Relationship.OtherRelative, h.Status)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new PersonView(
            person.Id,
            person.RegionCode,
            regionName,
            person.IdNumberMasked,
            person.BirthDate,
            person.Sex,
            Age.On(person.BirthDate, today),
            person.Details,
            Person.MaskPhone(person.Phone),
            open is null ? null : new UnemploymentView(open.RegisteredOn, null, null, open.MonthsOn(today), open.IsLongTermOn(today, longTermMonths)),
            household,
            timeline.OrderByDescending(t => t.On).ThenByDescending(t => t.Kind).ToList());
    }

    public async Task<CommandResult> UpdateAsync(Guid id, PersonDetails details, CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return CommandResult.Fail(string.Empty, "Person.NotFound");
        }

        var before = PersonSnapshot.Of(person);
        person.Update(details, clock.UtcNow);
        audit.Add("PersonUpdated", EntityType, person.Id.ToString(), person.RegionCode, before, PersonSnapshot.Of(person));
        await households.RecomputeAsync(person.HouseholdId, HouseholdChangeCause.MemberChanged, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>The full ID number, for an audited reveal; null when the person is not in the caller's area.</summary>
    public async Task<CommandResult> OpenRegistrationAsync(Guid personId, DateOnly registeredOn, CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return CommandResult.Fail(string.Empty, "Person.NotFound");
        }

        if (await db.UnemploymentRegistrations.AnyAsync(r => r.PersonId == personId && r.EndedOn == null, cancellationToken))
        {
            return CommandResult.Fail("RegisteredOn", "Unemployment.AlreadyOpen");
        }

        if (registeredOn > Today || registeredOn < person.BirthDate)
        {
            return CommandResult.Fail("RegisteredOn", "Unemployment.DateInvalid");
        }

        // Only a person of working age on the registration date (16 to their own statutory retirement date).
        var workingAge = WorkingAge.Check(person.BirthDate, person.RetirementSchedule(), registeredOn, await parameters.GetAsync(cancellationToken));
        UnemploymentRegistration registration;
        try
        {
            registration = UnemploymentRegistration.Open(personId, person.RegionCode, registeredOn, Today, workingAge);
        }
        catch (PersonException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        db.UnemploymentRegistrations.Add(registration);
        person.SetRegisteredUnemployed(registeredOn, clock.UtcNow);
        audit.Add("UnemploymentRegistered", "UnemploymentRegistration", registration.Id.ToString(), person.RegionCode, null, new { personId, registeredOn });
        await households.RecomputeAsync(person.HouseholdId, HouseholdChangeCause.MemberChanged, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> EndRegistrationAsync(Guid personId, DateOnly endedOn, UnemploymentEndReason reason, CancellationToken cancellationToken)
    {
        var registration = await db.UnemploymentRegistrations.SingleOrDefaultAsync(r => r.PersonId == personId && r.EndedOn == null, cancellationToken);
        if (registration is null)
        {
            return CommandResult.Fail(string.Empty, "Unemployment.NoneOpen");
        }

        try
        {
            registration.End(endedOn, reason, Today);
        }
        catch (PersonException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        var person = await db.Persons.SingleAsync(p => p.Id == personId, cancellationToken);
        var status = StatusAfterEnding(reason, person.EmploymentStatus);
        person.SetRegisteredUnemployed(null, clock.UtcNow);
        person.SetEmploymentStatus(status, clock.UtcNow);
        audit.Add("UnemploymentEnded", "UnemploymentRegistration", registration.Id.ToString(), registration.RegionCode, null, new { personId, endedOn, reason = reason.ToString() });
        await households.RecomputeAsync(person.HouseholdId, HouseholdChangeCause.MemberChanged, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>The employment status a person's record takes when their registration ends for <paramref name="reason"/> (the confirmation page shows it first).</summary>
    public static EmploymentStatus StatusAfterEnding(UnemploymentEndReason reason, EmploymentStatus current) => reason switch
    {
        UnemploymentEndReason.Employed => EmploymentStatus.Employed,
        UnemploymentEndReason.SelfEmployed => EmploymentStatus.SelfEmployed,
        UnemploymentEndReason.Retired => EmploymentStatus.Retired,
        _ => current,
    };

    public async Task<CommandResult> AddFollowUpAsync(Guid personId, FollowUpKind kind, DateOnly occurredOn, string notes, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.RegionCode }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return CommandResult.Fail(string.Empty, "Person.NotFound");
        }

        FollowUp followUp;
        try
        {
            followUp = FollowUp.Record(personId, person.RegionCode, kind, occurredOn, actor.UserId, actor.Name, notes, clock);
        }
        catch (PersonException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        db.FollowUps.Add(followUp);
        audit.Add("FollowUpRecorded", "FollowUp", followUp.Id.ToString(), person.RegionCode, null, new { personId, kind = kind.ToString(), occurredOn });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>The audit events of a person (a cancelled one too) and of their registrations and follow-ups, newest first; null when out of scope.</summary>
    public async Task<IReadOnlyList<AuditEntry>?> GetHistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Persons.AnyAsync(p => p.Id == id, cancellationToken) && await corrections.CancelledAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var key = id.ToString();
        return await db.AuditEvents
            .FromSqlInterpolated($"SELECT * FROM audit_events WHERE (entity_type = {EntityType} AND entity_id = {key}) OR after ->> 'personId' = {key}")
            .AsNoTracking()
            .OrderByDescending(a => a.OccurredAt)
            .ThenByDescending(a => a.Id)
            .Select(a => new AuditEntry(a.OccurredAt, a.ActorName, a.Action, a.Before, a.After))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The communities (and streets) in the caller's area a person may be registered in.</summary>
    public async Task<IReadOnlyList<RegionOption>> RegionsInScopeAsync(CancellationToken cancellationToken) =>
        await RegionsInScope(db).ToListAsync(cancellationToken);

    /// <summary>The communities and streets of the caller's area, where persons may be registered (also the import's allowed codes).</summary>
    internal static IQueryable<RegionOption> RegionsInScope(PortalDbContext db)
    {
        var scope = db.Scope;
        var regions = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community || r.Level == RegionLevel.Street);
        if (!scope.SeesAll)
        {
            // No area (DataScope.None) sees no region; a NUL prefix was refused by PostgreSQL's text.
            var prefix = scope.RegionPrefix;
            regions = prefix is null ? regions.Where(r => false) : regions.Where(r => r.Code.StartsWith(prefix));
        }

        return regions.OrderBy(r => r.Code).Select(r => new RegionOption(r.Id, r.Code, r.Name));
    }

    private async Task<RegisterPersonResult?> DuplicateAsync(byte[] hash, string maskedNumber, CancellationToken cancellationToken)
    {
        // The uniqueness check sees the whole register; of a record outside the caller's area only
        // "registered in another area" comes back, audited and as often a day as allowed.
        var holder = await unscoped.IdNumberHolderAsync(hash, db.Scope, cancellationToken);
        if (holder is null)
        {
            return null;
        }

        if (holder.InScope)
        {
            return new RegisterPersonResult(null, [("IdNumber", "Person.DuplicateInScope")], holder.Id);
        }

        var answered = await duplicateAnswers.TryAnswerAsync([maskedNumber], "registration", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return answered
            ? new RegisterPersonResult(null, [("IdNumber", DuplicateAnswers.AnswerKey)], RegisteredElsewhere: true)
            : new RegisterPersonResult(null, [("IdNumber", DuplicateAnswers.ExhaustedKey)]);
    }
}
