using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Households;

public enum Relationship
{
    Head = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Sibling = 5,
    Grandchild = 6,
    OtherRelative = 7,
}

/// <summary>
/// What made a household's status be derived again. Only <see cref="MemberFoundWork"/> can
/// eliminate a zero-employment household (docs/policy-rules.md, "Zero-employment households").
/// </summary>
public enum HouseholdChangeCause
{
    /// <summary>A step recorded before causes were kept (issue 13).</summary>
    Unrecorded = 0,

    /// <summary>The household was created with its members.</summary>
    Created = 1,

    MemberJoined = 2,

    MemberLeft = 3,

    /// <summary>A member of the labour force went from not working to working (person edit, referral hired, registration ended as employed).</summary>
    MemberFoundWork = 4,

    /// <summary>Any other change of a member: lost work, labour capacity, wish to work, registration.</summary>
    MemberChanged = 5,

    /// <summary>Urban/rural or business income of the household.</summary>
    DetailsChanged = 6,

    /// <summary>Ages reached and months passed (the daily job).</summary>
    TimePassed = 7,

    AssistanceStarted = 8,

    /// <summary>Set by the repair of eliminations that no member's work caused (<c>-- repair-households</c>).</summary>
    Corrected = 9,
}

/// <summary>One dated step of a household's zero-employment status, with what caused it.</summary>
public sealed class HouseholdStatusChange
{
    private HouseholdStatusChange()
    {
    }

    public long Id { get; private set; }

    public Guid HouseholdId { get; private set; }

    public ZeroEmploymentStatus From { get; private set; }

    public ZeroEmploymentStatus To { get; private set; }

    public DateOnly On { get; private set; }

    public HouseholdChangeCause Cause { get; private set; }

    internal static HouseholdStatusChange Create(Guid householdId, ZeroEmploymentStatus from, ZeroEmploymentStatus to, DateOnly on, HouseholdChangeCause cause) =>
        new() { HouseholdId = householdId, From = from, To = to, On = on, Cause = cause };
}

/// <summary>One dated membership change: a person joined the household (with a relationship to the head) or left it.</summary>
public sealed class HouseholdMemberChange
{
    private HouseholdMemberChange()
    {
    }

    public long Id { get; private set; }

    public Guid HouseholdId { get; private set; }

    public Guid PersonId { get; private set; }

    public Relationship Relationship { get; private set; }

    public bool Joined { get; private set; }

    public DateOnly On { get; private set; }

    internal static HouseholdMemberChange Create(Guid householdId, Guid personId, Relationship relationship, bool joined, DateOnly on) =>
        new() { HouseholdId = householdId, PersonId = personId, Relationship = relationship, Joined = joined, On = on };
}

/// <summary>
/// A household with its zero-employment status, which is derived from the members by
/// <see cref="ZeroEmploymentRule"/> and moves only through <see cref="Apply"/> (and
/// <see cref="StartAssistance"/> for the one-to-one plan), each step with its cause. Membership
/// is kept on the person (a person belongs to at most one household) and changes through
/// <see cref="Join"/> and <see cref="Leave"/>, which record it as its own dated event.
/// </summary>
public sealed class Household
{
    public const int AddressMaxLength = 200;

    /// <summary>The most members a household is created with at once (head included).</summary>
    public const int MaxMembers = 20;
    public const int PlanMaxLength = 2000;

    private readonly List<HouseholdStatusChange> _statusChanges = [];
    private readonly List<HouseholdMemberChange> _memberChanges = [];

    private Household()
    {
        RegionCode = string.Empty;
        Address = string.Empty;
    }

    public Guid Id { get; private set; }

    public int RegionId { get; private set; }

    public string RegionCode { get; private set; }

    public string Address { get; private set; }

    public HukouType Hukou { get; private set; }

    public bool HasBusinessIncome { get; private set; }

    public ZeroEmploymentStatus Status { get; private set; }

    public DateOnly? StatusSince { get; private set; }

    public string? AssistancePlan { get; private set; }

    public Guid? AssignedStaffId { get; private set; }

    public string? AssignedStaffName { get; private set; }

    public IReadOnlyCollection<HouseholdStatusChange> StatusChanges => _statusChanges;

    public IReadOnlyCollection<HouseholdMemberChange> MemberChanges => _memberChanges;

    public uint Version { get; private set; }

    public static Household Create(int regionId, string regionCode, string address, HukouType hukou, bool hasBusinessIncome)
    {
        var household = new Household { Id = Guid.CreateVersion7(), RegionId = regionId, RegionCode = regionCode };
        household.Update(address, hukou, hasBusinessIncome);
        return household;
    }

    public void Update(string address, HukouType hukou, bool hasBusinessIncome)
    {
        address = (address ?? string.Empty).Trim();
        if (address.Length is 0 or > AddressMaxLength)
        {
            throw new HouseholdException("Household.AddressRequired", "Address");
        }

        Address = address;
        Hukou = hukou;
        HasBusinessIncome = hasBusinessIncome;
    }

    /// <summary>Moves the household to another community (its head was transferred there).</summary>
    public void Relocate(int regionId, string regionCode)
    {
        RegionId = regionId;
        RegionCode = regionCode;
    }

    /// <summary>Adds <paramref name="person"/> as a member (the household's status is derived again by the caller).</summary>
    public void Join(Person person, Relationship relationship, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(person);
        person.JoinHousehold(Id, relationship);
        _memberChanges.Add(HouseholdMemberChange.Create(Id, person.Id, relationship, joined: true, on));
    }

    /// <summary>Removes <paramref name="person"/> from the members (the household's status is derived again by the caller).</summary>
    public void Leave(Person person, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.HouseholdId != Id)
        {
            throw new HouseholdException("Household.NotMember");
        }

        _memberChanges.Add(HouseholdMemberChange.Create(Id, person.Id, person.Relationship ?? Relationship.OtherRelative, joined: false, on));
        person.LeaveHousehold();
    }

    /// <summary>
    /// Derives the status from the whole current membership after <paramref name="cause"/>, on
    /// <paramref name="on"/>: the rule's outcome (<see cref="ZeroEmploymentRule"/>), then the
    /// transition (<see cref="Next"/>). The rule's outcome is returned with whether the status moved.
    /// </summary>
    public (ZeroEmploymentOutcome Outcome, bool Changed) Recompute(IEnumerable<MemberFacts> members, HouseholdChangeCause cause, DateOnly on, PolicyParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var outcome = ZeroEmploymentRule.Evaluate(Hukou, HasBusinessIncome, members, on, parameters);
        return (outcome, Apply(outcome, cause, on, parameters.IntOn(ParameterKeys.ZeroEmploymentStableMonths, on)));
    }

    /// <summary>Moves the status after the rule's outcome on <paramref name="on"/> (see <see cref="Next"/>); true when it changed.</summary>
    public bool Apply(ZeroEmploymentOutcome outcome, HouseholdChangeCause cause, DateOnly on, int stableMonths)
    {
        var next = Next(Status, StatusSince, outcome, cause, on, stableMonths);
        if (next == Status)
        {
            return false;
        }

        MoveTo(next, on, cause);
        if (!KeepsPlan(next))
        {
            AssistancePlan = null;
            AssignedStaffId = null;
            AssignedStaffName = null;
        }

        return true;
    }

    /// <summary>
    /// The status transition table, in one place for the page-driven recompute and the bulk job:
    /// identified when it becomes zero-employment; eliminated only when a member found work
    /// (<see cref="HouseholdChangeCause.MemberFoundWork"/>) while identified or assisted — any
    /// other way of having someone at work (a working member joined or was recorded late, an
    /// employed member reached working age) means the household is not a zero-employment
    /// household, so it is cleared, not eliminated; stable after <paramref name="stableMonths"/>
    /// months still eliminated; back to identified when the work is lost; cleared when the
    /// definition stops applying.
    /// </summary>
    public static ZeroEmploymentStatus Next(ZeroEmploymentStatus status, DateOnly? since, ZeroEmploymentOutcome outcome, HouseholdChangeCause cause, DateOnly on, int stableMonths) =>
        (status, outcome) switch
        {
            (ZeroEmploymentStatus.None, ZeroEmploymentOutcome.ZeroEmployment) => ZeroEmploymentStatus.Identified,
            (ZeroEmploymentStatus.Identified or ZeroEmploymentStatus.Assisting, ZeroEmploymentOutcome.SomeoneWorks) =>
                cause == HouseholdChangeCause.MemberFoundWork ? ZeroEmploymentStatus.Eliminated : ZeroEmploymentStatus.None,
            (ZeroEmploymentStatus.Identified or ZeroEmploymentStatus.Assisting, ZeroEmploymentOutcome.NotApplicable) => ZeroEmploymentStatus.None,
            (ZeroEmploymentStatus.Eliminated, ZeroEmploymentOutcome.SomeoneWorks) when since is { } from && on >= from.AddMonths(stableMonths) => ZeroEmploymentStatus.Stable,
            (ZeroEmploymentStatus.Eliminated or ZeroEmploymentStatus.Stable, ZeroEmploymentOutcome.ZeroEmployment) => ZeroEmploymentStatus.Identified,
            (ZeroEmploymentStatus.Eliminated or ZeroEmploymentStatus.Stable, ZeroEmploymentOutcome.NotApplicable) => ZeroEmploymentStatus.None,
            _ => status,
        };

    /// <summary>Whether a household in <paramref name="status"/> keeps its assistance plan.</summary>
    public static bool KeepsPlan(ZeroEmploymentStatus status) =>
        status is ZeroEmploymentStatus.Assisting or ZeroEmploymentStatus.Eliminated or ZeroEmploymentStatus.Stable;

    /// <summary>Starts the one-to-one assistance plan 一对一帮扶 with an assigned staff member.</summary>
    public void StartAssistance(string plan, Guid staffId, string staffName, DateOnly on)
    {
        if (Status != ZeroEmploymentStatus.Identified)
        {
            throw new HouseholdException("Household.NotIdentified");
        }

        plan = (plan ?? string.Empty).Trim();
        if (plan.Length is 0 or > PlanMaxLength)
        {
            throw new HouseholdException("Household.PlanRequired", "Plan");
        }

        AssistancePlan = plan;
        AssignedStaffId = staffId;
        AssignedStaffName = staffName;
        MoveTo(ZeroEmploymentStatus.Assisting, on, HouseholdChangeCause.AssistanceStarted);
    }

    private void MoveTo(ZeroEmploymentStatus next, DateOnly on, HouseholdChangeCause cause)
    {
        _statusChanges.Add(HouseholdStatusChange.Create(Id, Status, next, on, cause));
        Status = next;
        StatusSince = on;
    }
}
