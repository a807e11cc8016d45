using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Households;

/// <summary>
/// Households and their zero-employment status, over EF Core. The status is derived from the
/// members on every change that can move it and by <see cref="HouseholdStatusJob"/> for the
/// passing of time; staff only start the assistance plan. Limited to the caller's area (scope
/// comes from the context's query filters), every change audited.
/// </summary>
public sealed class HouseholdRegistry(
    PortalDbContext db,
    IIdNumberProtector protector,
    AuditLog audit,
    PolicyParameterStore parameters,
    HouseholdDerivation derivation)
{
    private const string EntityType = HouseholdDerivation.EntityType;

    /// <summary>
    /// Checks a household as it would be created: the head, its details and its other members
    /// (registered persons of the head's community, by full ID number, each with a relationship),
    /// and the status the whole membership gives it. Errors name the field (<c>Address</c>,
    /// <c>Members[i].IdNumber</c>, <c>Members[i].Relationship</c>); nothing is saved.
    /// </summary>
    public async Task<(CommandResult Result, HouseholdPreview? Preview)> PreviewAsync(Guid headPersonId, HouseholdDetails details, IReadOnlyList<NewMember> members, CancellationToken cancellationToken)
    {
        var (result, head, joining) = await ResolveAsync(headPersonId, details, members, cancellationToken);
        if (!result.Succeeded)
        {
            return (result, null);
        }

        // The status the whole membership gives a new household, by the same rule and transition as the creation.
        var set = await parameters.GetAsync(cancellationToken);
        var today = derivation.Today;
        var household = Household.Create(head!.RegionId, head.RegionCode, details.Address, details.Hukou, details.HasBusinessIncome);
        var everyone = joining.Prepend((Person: head, Relationship: Relationship.Head)).ToList();
        household.Recompute(everyone.Select(m => HouseholdDerivation.Facts(m.Person)), HouseholdChangeCause.Created, today, set);
        return (result, new HouseholdPreview(household.Status, everyone.Select(m => Member(m.Person, m.Relationship, today, set)).ToList()));
    }

    /// <summary>
    /// Creates a household in the head's community with all its members at once; its status is
    /// derived once, from the whole membership (the same checks as <see cref="PreviewAsync"/>).
    /// </summary>
    public async Task<(CommandResult Result, Guid? Id)> CreateAsync(Guid headPersonId, HouseholdDetails details, IReadOnlyList<NewMember> members, CancellationToken cancellationToken)
    {
        var (result, head, joining) = await ResolveAsync(headPersonId, details, members, cancellationToken);
        if (!result.Succeeded)
        {
            return (result, null);
        }

        var today = derivation.Today;
        var household = Household.Create(head!.RegionId, head.RegionCode, details.Address, details.Hukou, details.HasBusinessIncome);
        db.Households.Add(household);
        audit.Add("HouseholdCreated", EntityType, household.Id.ToString(), household.RegionCode, null, HouseholdDerivation.Snapshot(household));
        foreach (var (person, relationship) in joining.Prepend((head, Relationship.Head)))
        {
            household.Join(person, relationship, today);
            audit.Add("HouseholdMemberAdded", EntityType, household.Id.ToString(), household.RegionCode, null, new { personId = person.Id, relationship = relationship.ToString() });
        }

        await derivation.RecomputeAsync(household.Id, HouseholdChangeCause.Created, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, household.Id);
    }

    /// <summary>The head (tracked) and the members to join, or the problems, each under its field.</summary>
    private async Task<(CommandResult Result, Person? Head, List<(Person Person, Relationship Relationship)> Joining)> ResolveAsync(
        Guid headPersonId, HouseholdDetails details, IReadOnlyList<NewMember> members, CancellationToken cancellationToken)
    {
        var joining = new List<(Person Person, Relationship Relationship)>();
        var head = await db.Persons.SingleOrDefaultAsync(p => p.Id == headPersonId, cancellationToken);
        if (head is null)
        {
            return (CommandResult.Fail(string.Empty, "Person.NotFound"), null, joining);
        }

        if (head.HouseholdId is not null)
        {
            return (CommandResult.Fail(string.Empty, "Household.AlreadyMember"), head, joining);
        }

        var errors = new List<(string Field, string MessageKey)>();
        if (Invalid(details) is { } invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        if (members.Count(m => !string.IsNullOrWhiteSpace(m.IdNumber)) > Household.MaxMembers - 1)
        {
            errors.Add((string.Empty, "Household.TooManyMembers"));
        }

        for (var i = 0; i < members.Count; i++)
        {
            var row = members[i];
            if (string.IsNullOrWhiteSpace(row.IdNumber))
            {
                continue;
            }

            var (problem, person) = await FindMemberAsync(row.IdNumber, null, head.RegionId, cancellationToken);
            problem ??= person!.Id == head.Id || joining.Any(j => j.Person.Id == person.Id) ? "Household.MemberTwice" : null;
            var relationshipProblem = row.Relationship switch
            {
                null => "Household.RelationshipRequired",
                Relationship.Head => "Household.OneHead",
                Relationship.Spouse when joining.Any(j => j.Relationship == Relationship.Spouse) => "Household.OneSpouse",
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(($"Members[{i}].IdNumber", problem));
            }

            if (relationshipProblem is not null)
            {
                errors.Add(($"Members[{i}].Relationship", relationshipProblem));
            }

            if (problem is null && relationshipProblem is null)
            {
                joining.Add((person!, row.Relationship!.Value));
            }
        }

        return (new CommandResult(errors), head, joining);
    }

    /// <summary>A registered person of the caller's area by full ID number who may join a household of <paramref name="regionId"/>, or why not.</summary>
    private async Task<(string? Problem, Person? Person)> FindMemberAsync(string? idNumber, Guid? householdId, int regionId, CancellationToken cancellationToken)
    {
        // The number's own problem (no such province, bad check character, ...) in the words the register page uses.
        if (ResidentIdNumber.TryParse(idNumber, derivation.Today, out var number) is var parse && parse != IdNumberProblem.None)
        {
            return ("IdNumber." + parse, null);
        }

        var hash = protector.LookupHash(number);
        var person = await db.Persons.SingleOrDefaultAsync(p => p.IdNumberHash == hash, cancellationToken);
        var problem = person switch
        {
            null => "Household.MemberNotRegistered",
            { HouseholdId: { } inHousehold } => inHousehold == householdId ? "Household.AlreadyInThis" : "Household.AlreadyMember",
            _ when person.RegionId != regionId => "Household.MemberOtherRegion",
            _ => null,
        };
        return (problem, person);
    }

    private static HouseholdMember Member(Person p, Relationship relationship, DateOnly today, PolicyParameterSet set) =>
        new(p.Id, p.Name, p.IdNumberMasked, relationship, Age.YearsOn(p.BirthDate, today), p.Sex,
            p.EmploymentStatus, ZeroEmploymentRule.InLabourForce(HouseholdDerivation.Facts(p), today, set));

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
        var household = await db.Households.AsNoTracking().Include(h => h.StatusChanges).Include(h => h.MemberChanges).AsSplitQuery().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
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
            .Select(p => Member(p, p.Relationship ?? Relationship.OtherRelative, today, set))
            .ToList();
        var history = household.StatusChanges.OrderByDescending(c => c.On).ThenByDescending(c => c.Id).Select(c => new StatusStep(c.From, c.To, c.On, c.Cause)).ToList();

        // Members who left may be outside the caller's area now: their name is not shown.
        var changes = household.MemberChanges.OrderByDescending(c => c.On).ThenByDescending(c => c.Id).ToList();
        var ids = changes.Select(c => c.PersonId).Distinct().ToList();
        var names = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var membership = changes.Select(c => new MembershipStep(c.PersonId, names.GetValueOrDefault(c.PersonId), c.Relationship, c.Joined, c.On)).ToList();
        return new HouseholdView(
            household.Id, household.RegionCode, regionName,
            new HouseholdDetails(household.Address, household.Hukou, household.HasBusinessIncome),
            household.Status, household.StatusSince, household.AssistancePlan, household.AssignedStaffName, members, history, membership);
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
        await derivation.RecomputeAsync(household.Id, HouseholdChangeCause.DetailsChanged, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Adds a registered person of the same community, found by the full ID number.</summary>
    public async Task<CommandResult> AddMemberAsync(Guid id, string idNumber, Relationship relationship, CancellationToken cancellationToken)
    {
        var household = await db.Households.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return CommandResult.Fail(string.Empty, "Household.NotFound");
        }

        if (relationship == Relationship.Head)
        {
            return CommandResult.Fail("Relationship", "Household.OneHead");
        }

        var (problem, person) = await FindMemberAsync(idNumber, id, household.RegionId, cancellationToken);
        if (problem is not null)
        {
            return CommandResult.Fail("IdNumber", problem);
        }

        household.Join(person!, relationship, derivation.Today);
        audit.Add("HouseholdMemberAdded", EntityType, id.ToString(), household.RegionCode, null, new { personId = person!.Id, relationship = relationship.ToString() });
        await derivation.RecomputeAsync(id, HouseholdChangeCause.MemberJoined, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Removes a member; the head is removed only as the last member, which dissolves the household.</summary>
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

        try
        {
            household.StartAssistance(plan, staff.Id, staff.Name, derivation.Today);
        }
        catch (HouseholdException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        audit.Add("HouseholdAssistanceStarted", EntityType, id.ToString(), household.RegionCode, null, new { staff = staff.Name, plan = household.AssistancePlan });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Station and street staff of the caller's area, who may be assigned a household.</summary>
    public async Task<IReadOnlyList<StaffOption>> AssignableStaffAsync(CancellationToken cancellationToken)
    {
        // Staff accounts of the units the caller sees (org units are region-filtered) who manage households.
        var roles = Capabilities.RolesWith(Capabilities.ManageHouseholds).ToArray();
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
