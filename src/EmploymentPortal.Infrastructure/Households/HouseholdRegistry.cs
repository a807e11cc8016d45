using EmploymentPortal.Application.Common;
using EmploymentPortal.Application.Households;
using EmploymentPortal.Application.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Infrastructure.Audit;
using EmploymentPortal.Infrastructure.Persistence;
using EmploymentPortal.Infrastructure.Policies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Infrastructure.Households;

/// <summary>Household use cases over EF Core; scope comes from the context's query filters.</summary>
public sealed class HouseholdRegistry(
    PortalDbContext db,
    IIdNumberProtector protector,
    AuditLog audit,
    PolicyParameterStore parameters,
    HouseholdDerivation derivation) : IHouseholdRegistry
{
    private const string EntityType = HouseholdDerivation.EntityType;

    public async Task<(CommandResult Result, Guid? Id)> CreateAsync(Guid headPersonId, HouseholdDetails details, CancellationToken cancellationToken)
    {
        var head = await db.Persons.SingleOrDefaultAsync(p => p.Id == headPersonId, cancellationToken);
        if (head is null)
        {
            return (CommandResult.Fail(string.Empty, "Person.NotFound"), null);
        }

        if (head.HouseholdId is not null)
        {
            return (CommandResult.Fail(string.Empty, "Household.AlreadyMember"), null);
        }

        if (Invalid(details) is { } invalid)
        {
            return (invalid, null);
        }

        var household = Household.Create(head.RegionId, head.RegionCode, details.Address, details.Hukou, details.HasBusinessIncome);
        db.Households.Add(household);
        head.JoinHousehold(household.Id, Relationship.Head);
        audit.Add("HouseholdCreated", EntityType, household.Id.ToString(), household.RegionCode, null, HouseholdDerivation.Snapshot(household));
        audit.Add("HouseholdMemberAdded", EntityType, household.Id.ToString(), household.RegionCode, null, new { personId = head.Id, relationship = nameof(Relationship.Head) });
        await derivation.RecomputeAsync(household.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, household.Id);
    }

    public async Task<PagedResult<HouseholdListItem>> ListAsync(HouseholdListQuery query, CancellationToken cancellationToken)
    {
        var households = db.Households.AsNoTracking();
        if (query.Status is { } status)
        {
            households = households.Where(h => h.Status == status);
        }

        if (!string.IsNullOrEmpty(query.RegionCode) && RegionCode.TryParse(query.RegionCode, out var code))
        {
            var prefix = code.ScopePrefix;
            households = households.Where(h => h.RegionCode.StartsWith(prefix));
        }

        var total = await households.CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var items = await households
            .OrderBy(h => h.RegionCode).ThenBy(h => h.Address).ThenBy(h => h.Id)
            .Skip((page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(h => new HouseholdListItem(
                h.Id,
                db.Persons.Where(p => p.HouseholdId == h.Id && p.Relationship == Relationship.Head).Select(p => p.Name).FirstOrDefault() ?? string.Empty,
                h.Address,
                db.Regions.Where(r => r.Id == h.RegionId).Select(r => r.Name).First(),
                db.Persons.Count(p => p.HouseholdId == h.Id),
                h.Status,
                h.StatusSince,
                h.AssignedStaffName))
            .ToListAsync(cancellationToken);
        return new PagedResult<HouseholdListItem>(items, page, query.PageSize, total);
    }

    public async Task<HouseholdView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().Include(h => h.StatusChanges).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return null;
        }

        var set = await parameters.GetAsync(cancellationToken);
        var today = derivation.Today;
        var regionName = await db.Regions.Where(r => r.Id == household.RegionId).Select(r => r.Name).SingleAsync(cancellationToken);
        var persons = await db.Persons.AsNoTracking().Where(p => p.HouseholdId == id).ToListAsync(cancellationToken);
        var members = persons
            .OrderBy(p => p.Relationship).ThenBy(p => p.BirthDate)
            .Select(p => new HouseholdMember(
                p.Id, p.Name, p.IdNumberMasked, p.Relationship ?? Relationship.OtherRelative, Age.YearsOn(p.BirthDate, today), p.Sex,
                p.EmploymentStatus, ZeroEmploymentRule.InLabourForce(HouseholdDerivation.Facts(p), today, set)))
            .ToList();
        var history = household.StatusChanges.OrderByDescending(c => c.On).ThenByDescending(c => c.Id).Select(c => new StatusStep(c.From, c.To, c.On)).ToList();
        return new HouseholdView(
            household.Id, household.RegionCode, regionName,
            new HouseholdDetails(household.Address, household.Hukou, household.HasBusinessIncome),
            household.Status, household.StatusSince, household.AssistancePlan, household.AssignedStaffName, members, history);
    }

    public async Task<CommandResult> UpdateAsync(Guid id, HouseholdDetails details, CancellationToken cancellationToken)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return CommandResult.Fail(string.Empty, "Household.NotFound");
        }

        if (Invalid(details) is { } invalid)
        {
            return invalid;
        }

        var before = HouseholdDerivation.Snapshot(household);
        household.Update(details.Address, details.Hukou, details.HasBusinessIncome);
        audit.Add("HouseholdUpdated", EntityType, household.Id.ToString(), household.RegionCode, before, HouseholdDerivation.Snapshot(household));
        await derivation.RecomputeAsync(household.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> AddMemberAsync(Guid id, string idNumber, Relationship relationship, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => new { h.Id, h.RegionId, h.RegionCode }).SingleOrDefaultAsync(cancellationToken);
        if (household is null)
        {
            return CommandResult.Fail(string.Empty, "Household.NotFound");
        }

        if (relationship == Relationship.Head)
        {
            return CommandResult.Fail("Relationship", "Household.OneHead");
        }

        var problem = ResidentIdNumber.TryParse(idNumber, derivation.Today, out var number);
        if (problem != IdNumberProblem.None)
        {
            return CommandResult.Fail("IdNumber", "IdNumber." + problem);
        }

        var hash = protector.LookupHash(number);
        var person = await db.Persons.SingleOrDefaultAsync(p => p.IdNumberHash == hash, cancellationToken);
        if (person is null)
        {
            return CommandResult.Fail("IdNumber", "Household.MemberNotRegistered");
        }

        if (person.HouseholdId is not null)
        {
            return CommandResult.Fail("IdNumber", person.HouseholdId == id ? "Household.AlreadyInThis" : "Household.AlreadyMember");
        }

        if (person.RegionId != household.RegionId)
        {
            return CommandResult.Fail("IdNumber", "Household.MemberOtherRegion");
        }

        person.JoinHousehold(id, relationship);
        audit.Add("HouseholdMemberAdded", EntityType, id.ToString(), household.RegionCode, null, new { personId = person.Id, relationship = relationship.ToString() });
        await derivation.RecomputeAsync(id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RemoveMemberAsync(Guid id, Guid personId, CancellationToken cancellationToken)
    {
        var members = await db.Persons.Where(p => p.HouseholdId == id).ToListAsync(cancellationToken);
        var person = members.SingleOrDefault(p => p.Id == personId);
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null || person is null)
        {
            return CommandResult.Fail(string.Empty, "Household.NotFound");
        }

        if (person.Relationship == Relationship.Head && members.Count > 1)
        {
            return CommandResult.Fail(string.Empty, "Household.HeadLast");
        }

        await derivation.LeaveAsync(person, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> StartAssistanceAsync(Guid id, string plan, Guid staffId, CancellationToken cancellationToken)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return CommandResult.Fail(string.Empty, "Household.NotFound");
        }

        if (household.Status != ZeroEmploymentStatus.Identified)
        {
            return CommandResult.Fail(string.Empty, "Household.NotIdentified");
        }

        var staff = (await AssignableStaffAsync(cancellationToken)).SingleOrDefault(s => s.Id == staffId);
        if (staff is null)
        {
            return CommandResult.Fail("StaffId", "Household.StaffOutOfScope");
        }

        plan = plan.Trim();
        if (plan.Length is 0 or > Household.PlanMaxLength)
        {
            return CommandResult.Fail("Plan", "Household.PlanRequired");
        }

        household.StartAssistance(plan, staff.Id, staff.Name, derivation.Today);
        audit.Add("HouseholdAssistanceStarted", EntityType, id.ToString(), household.RegionCode, null, new { staff = staff.Name, plan });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<IReadOnlyList<StaffOption>> AssignableStaffAsync(CancellationToken cancellationToken)
    {
        // Staff accounts of the units the caller sees (org units are region-filtered).
        string[] roles = [Roles.CommunityStaff, Roles.StreetStaff];
        return await (
                from u in db.Users.AsNoTracking()
                join unit in db.OrgUnits on u.OrgUnitId equals unit.Id
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where !u.IsDisabled && roles.Contains(r.Name!)
                orderby unit.RegionCode, u.DisplayName
                select new StaffOption(u.Id, u.DisplayName, unit.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>?> GetHistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Households.AnyAsync(h => h.Id == id, cancellationToken))
        {
            return null;
        }

        var key = id.ToString();
        return await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new AuditEntry(a.OccurredAt, a.ActorName, a.Action, a.Before, a.After))
            .ToListAsync(cancellationToken);
    }

    private static CommandResult? Invalid(HouseholdDetails details)
    {
        var address = details.Address?.Trim() ?? string.Empty;
        return address.Length is 0 or > Household.AddressMaxLength ? CommandResult.Fail("Address", "Household.AddressRequired") : null;
    }
}
