using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Households;

/// <summary>
/// Re-derives one household's zero-employment status inside the caller's unit of work: members
/// already tracked (and changed) by the caller are seen with their new values, and the status
/// change and its audit event are saved by the caller's <c>SaveChanges</c>, in one transaction.
/// The caller says what happened; a member change in which a member of the household went from
/// not working to working is a member finding work, the one cause that can eliminate it.
/// </summary>
public sealed class HouseholdDerivation(PortalDbContext db, PolicyParameterStore parameters, AuditLog audit, BusinessClock clock)
{
    public const string EntityType = "Household";

    public DateOnly Today => clock.Today;

    public static MemberFacts Facts(Person p) => new(p.BirthDate, p.Sex, p.LaborCapacity, p.WantsWork, p.EmploymentStatus);

    public async Task RecomputeAsync(Guid? householdId, HouseholdChangeCause cause, CancellationToken cancellationToken)
    {
        if (householdId is not { } id)
        {
            return;
        }

        // A household created in this unit of work is not in the database yet.
        var household = db.Households.Local.FirstOrDefault(h => h.Id == id)
            ?? await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return;
        }

        var members = await MembersAsync(id, cancellationToken);
        var set = await parameters.GetAsync(cancellationToken);
        var today = Today;
        if (cause == HouseholdChangeCause.MemberChanged && members.Any(p => FoundWork(p, id) && ZeroEmploymentRule.InLabourForce(Facts(p), today, set)))
        {
            cause = HouseholdChangeCause.MemberFoundWork;
        }

        var before = household.Status;
        var (outcome, changed) = household.Recompute(members.Select(Facts), cause, today, set);
        if (changed)
        {
            audit.Add("HouseholdStatusChanged", EntityType, household.Id.ToString(), household.RegionCode,
                new { status = before.ToString() }, new { status = household.Status.ToString(), outcome = outcome.ToString(), cause = cause.ToString() });
        }
    }

    /// <summary>A member before and after this unit of work who went from not working to working in it.</summary>
    private bool FoundWork(Person person, Guid householdId)
    {
        var entry = db.Entry(person);
        return entry.State == EntityState.Modified
            && entry.Property(p => p.HouseholdId).OriginalValue == householdId
            && !entry.Property(p => p.EmploymentStatus).OriginalValue.IsWorking()
            && person.EmploymentStatus.IsWorking();
    }

    /// <summary>
    /// Takes <paramref name="person"/> out of their household in the caller's unit of work
    /// (<paramref name="reason"/> for the audit: null, "transfer", "cancelled", "merged"): the
    /// household is re-derived, or dissolved when they were its last member.
    /// </summary>
    public async Task LeaveAsync(Person person, string? reason, CancellationToken cancellationToken)
    {
        if (person.HouseholdId is not { } id)
        {
            return;
        }

        var household = await db.Households.SingleAsync(h => h.Id == id, cancellationToken);
        audit.Add("HouseholdMemberRemoved", EntityType, id.ToString(), household.RegionCode, new { personId = person.Id, relationship = person.Relationship?.ToString(), reason }, null);
        if ((await MembersAsync(id, cancellationToken)).Count == 1)
        {
            // The last member: the household goes with its history (the audit trail keeps it).
            person.LeaveHousehold();
            audit.Add("HouseholdDissolved", EntityType, id.ToString(), household.RegionCode, Snapshot(household), null);
            db.Households.Remove(household);
        }
        else
        {
            // A membership change, recorded as its own event; it never eliminates the household.
            household.Leave(person, Today);
            await RecomputeAsync(id, HouseholdChangeCause.MemberLeft, cancellationToken);
        }
    }

    /// <summary>A household as the audit trail records it.</summary>
    public static object Snapshot(Household h) => new
    {
        address = h.Address,
        hukou = h.Hukou.ToString(),
        hasBusinessIncome = h.HasBusinessIncome,
        regionCode = h.RegionCode,
    };

    // Members: what the database holds, then the caller's tracked changes (joins and leaves too).
    private async Task<List<Person>> MembersAsync(Guid id, CancellationToken cancellationToken)
    {
        var members = await db.Persons.Where(p => p.HouseholdId == id).ToListAsync(cancellationToken);
        var tracked = db.ChangeTracker.Entries<Person>().Select(e => e.Entity).Where(p => p.HouseholdId == id);
        return members.Where(p => p.HouseholdId == id).Union(tracked).ToList();
    }
}
