using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Persons;

/// <summary>
/// Transfers of residents between communities: the receiving side requests by ID number (learning
/// only which unit holds the record), the holding side releases or refuses. A release moves the
/// person with their registrations and follow-ups (and their household when they head it). Over EF
/// Core; a transfer is visible to the areas at either end (its own scope filter).
/// </summary>
public sealed class TransferService(
    PortalDbContext db,
    UnscopedReads unscoped,
    IIdNumberProtector protector,
    AuditLog audit,
    ICurrentActor actor,
    HouseholdDerivation households,
    BusinessClock clock)
{
    private const string EntityType = "Transfer";

    public async Task<(CommandResult Result, Guid? Id)> RequestAsync(string idNumber, int toRegionId, string reason, CancellationToken cancellationToken)
    {
        var problem = ResidentIdNumber.TryParse(idNumber, households.Today, out var id);
        if (problem != IdNumberProblem.None)
        {
            return (CommandResult.Fail("IdNumber", "IdNumber." + problem), null);
        }

        var to = await db.Regions.AsNoTracking().Where(r => r.Id == toRegionId).Select(r => new { r.Id, r.Code, r.Level }).SingleOrDefaultAsync(cancellationToken);
        if (to is null || !db.Scope.Includes(to.Code) || to.Level is not (RegionLevel.Community or RegionLevel.Street))
        {
            return (CommandResult.Fail("RegionId", "Person.RegionOutOfScope"), null);
        }

        reason = reason?.Trim() ?? string.Empty;
        if (reason.Length is 0 or > TransferRequest.NoteMaxLength)
        {
            return (CommandResult.Fail("Reason", "Transfer.ReasonRequired"), null);
        }

        // The requester is by definition outside the holding area: the record is found past the
        // scope, and nothing of it but its id and region comes back.
        var hash = protector.LookupHash(id);
        var person = await unscoped.TransferSubjectAsync(hash, cancellationToken);
        if (person is null)
        {
            return (CommandResult.Fail("IdNumber", "Transfer.NotRegistered"), null);
        }

        if (person.RegionId == to.Id)
        {
            return (CommandResult.Fail("RegionId", "Transfer.SameRegion"), null);
        }

        if (await unscoped.TransferPendingAsync(person.Id, cancellationToken))
        {
            return (CommandResult.Fail(string.Empty, "Transfer.AlreadyPending"), null);
        }

        var transfer = TransferRequest.Request(person.Id, person.RegionId, person.RegionCode, to.Id, to.Code, reason, actor.UserId, actor.Name, clock.UtcNow);
        db.TransferRequests.Add(transfer);
        audit.Add("TransferRequested", EntityType, transfer.Id.ToString(), to.Code, null, new { personId = person.Id, from = person.RegionCode, to = to.Code, reason });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return (CommandResult.Fail(string.Empty, "Transfer.AlreadyPending"), null);
        }

        return (CommandResult.Ok, transfer.Id);
    }

    /// <summary>Transfers from or to the caller's area, pending first, then newest.</summary>
    public async Task<IReadOnlyList<TransferItem>> ListAsync(CancellationToken cancellationToken) =>
        await ItemsAsync(db.TransferRequests.AsNoTracking(), cancellationToken);

    /// <summary>Only the transfers waiting for the caller's unit: pending, out of the caller's area (the holding station decides).</summary>
    public async Task<IReadOnlyList<TransferItem>> ListWaitingAsync(CancellationToken cancellationToken) =>
        await ItemsAsync(Waiting(db), cancellationToken);

    /// <summary>Pending transfers the caller's area holds the person of, so decides (as <see cref="DecideAsync"/> checks).</summary>
    public static IQueryable<TransferRequest> Waiting(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scope = db.Scope;
        var prefix = scope.RegionPrefix ?? string.Empty;
        var all = scope.SeesAll;
        return db.TransferRequests.AsNoTracking()
            .Where(t => t.Status == TransferStatus.Pending && (all || (prefix != string.Empty && t.FromRegionCode.StartsWith(prefix))));
    }

    public async Task<TransferItem?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await ItemsAsync(db.TransferRequests.AsNoTracking().Where(t => t.Id == id), cancellationToken)).SingleOrDefault();

    public async Task<CommandResult> DecideAsync(Guid id, bool release, string? note, CancellationToken cancellationToken)
    {
        var transfer = await db.TransferRequests.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (transfer is null || !db.Scope.Includes(transfer.FromRegionCode))
        {
            return CommandResult.Fail(string.Empty, "Transfer.NotFound");
        }

        var now = clock.UtcNow;
        try
        {
            transfer.Decide(release, note, actor.UserId, actor.Name, now);
        }
        catch (PersonException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (release)
        {
            // The person leaves the caller's area: the wall covers both ends for this transaction (ADR 0003).
            await RowSecurity.WidenTransactionAsync(db, [transfer.FromRegionCode, transfer.ToRegionCode], cancellationToken);
            await MoveAsync(transfer, now, cancellationToken);
        }

        audit.Add(release ? "TransferReleased" : "TransferRefused", EntityType, transfer.Id.ToString(), transfer.FromRegionCode, null,
            new { personId = transfer.PersonId, from = transfer.FromRegionCode, to = transfer.ToRegionCode, note });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Fail(string.Empty, "Transfer.AlreadyDecided");
        }

        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Moves the person (and, when they head a household, the household and all its members) with
    /// their registrations and follow-ups; a member who is not the head leaves their household.
    /// </summary>
    private async Task MoveAsync(TransferRequest transfer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleAsync(p => p.Id == transfer.PersonId, cancellationToken);
        var moving = new List<Person> { person };
        if (person.HouseholdId is { } householdId)
        {
            var household = await db.Households.SingleAsync(h => h.Id == householdId, cancellationToken);
            if (person.Relationship == Relationship.Head)
            {
                household.Relocate(transfer.ToRegionId, transfer.ToRegionCode);
                moving.AddRange(await db.Persons.Where(p => p.HouseholdId == householdId && p.Id != person.Id).ToListAsync(cancellationToken));
                audit.Add("HouseholdRelocated", HouseholdDerivation.EntityType, householdId.ToString(), transfer.ToRegionCode,
                    new { regionCode = transfer.FromRegionCode }, new { regionCode = transfer.ToRegionCode });
            }
            else
            {
                await households.LeaveAsync(person, "transfer", cancellationToken);
            }
        }

        var ids = moving.Select(p => p.Id).ToList();
        foreach (var p in moving)
        {
            var before = PersonSnapshot.Of(p);
            p.MoveTo(transfer.ToRegionId, transfer.ToRegionCode, now);
            audit.Add("PersonTransferred", "Person", p.Id.ToString(), transfer.ToRegionCode, before, PersonSnapshot.Of(p));
        }

        var code = transfer.ToRegionCode;
        await db.UnemploymentRegistrations.Where(r => ids.Contains(r.PersonId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.RegionCode, code), cancellationToken);
        await db.FollowUps.Where(f => ids.Contains(f.PersonId)).ExecuteUpdateAsync(s => s.SetProperty(f => f.RegionCode, code), cancellationToken);
    }

    private async Task<List<TransferItem>> ItemsAsync(IQueryable<TransferRequest> transfers, CancellationToken cancellationToken)
    {
        var transferRows = await transfers
            .OrderBy(t => t.Status).ThenByDescending(t => t.RequestedAt)
            .Take(500)
            .Select(t => new
            {
                Transfer = t,
                FromName = db.Regions.Where(r => r.Id == t.FromRegionId).Select(r => r.Name).First(),
                ToName = db.Regions.Where(r => r.Id == t.ToRegionId).Select(r => r.Name).First(),
            })
            .ToListAsync(cancellationToken);

        // A second query, through UnscopedReads: the masked number always (the requester typed the
        // full one), the name only in scope.
        var personIds = transferRows.Select(r => r.Transfer.PersonId).Distinct().ToList();
        var scope = db.Scope;
        var persons = await unscoped.TransferPersonsAsync(personIds, scope, cancellationToken);
        var rows = transferRows.Select(r => new { r.Transfer, r.FromName, r.ToName, Person = persons[r.Transfer.PersonId] }).ToList();
        return rows.Select(r => new TransferItem(
            r.Transfer.Id,
            r.Transfer.PersonId,
            r.Person.NameInScope,
            r.Person.IdNumberMasked,
            r.FromName,
            r.ToName,
            r.Transfer.Reason,
            r.Transfer.RequestedByName,
            r.Transfer.RequestedAt,
            r.Transfer.Status,
            r.Transfer.DecidedByName,
            r.Transfer.DecidedAt,
            r.Transfer.DecisionNote,
            r.Transfer.Status == TransferStatus.Pending && scope.Includes(r.Transfer.FromRegionCode))).ToList();
    }
}
