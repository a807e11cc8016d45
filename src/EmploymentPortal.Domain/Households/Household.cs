using EmploymentPortal.Domain.Persons;

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

/// <summary>One dated step of a household's zero-employment status.</summary>
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

    internal static HouseholdStatusChange Create(Guid householdId, ZeroEmploymentStatus from, ZeroEmploymentStatus to, DateOnly on) =>
        new() { HouseholdId = householdId, From = from, To = to, On = on };
}

/// <summary>
/// A household with its zero-employment status, which is derived from the members by
/// <see cref="ZeroEmploymentRule"/> and moves only through <see cref="Apply"/> (and
/// <see cref="StartAssistance"/> for the one-to-one plan). Membership is kept on the person
/// (a person belongs to at most one household).
/// </summary>
public sealed class Household
{
    public const int AddressMaxLength = 200;
    public const int PlanMaxLength = 2000;

    private readonly List<HouseholdStatusChange> _statusChanges = [];

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
            throw new HouseholdException($"An address has 1 to {AddressMaxLength} characters.");
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

    /// <summary>Moves the status after the rule's outcome on <paramref name="on"/> (see <see cref="Next"/>); true when it changed.</summary>
    public bool Apply(ZeroEmploymentOutcome outcome, DateOnly on, int stableMonths)
    {
        var next = Next(Status, StatusSince, outcome, on, stableMonths);
        if (next == Status)
        {
            return false;
        }

        MoveTo(next, on);
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
    /// identified when it becomes zero-employment; eliminated when someone works; stable after
    /// <paramref name="stableMonths"/> months still eliminated; back to identified when the work
    /// is lost; cleared when the definition stops applying.
    /// </summary>
    public static ZeroEmploymentStatus Next(ZeroEmploymentStatus status, DateOnly? since, ZeroEmploymentOutcome outcome, DateOnly on, int stableMonths) =>
        (status, outcome) switch
        {
            (ZeroEmploymentStatus.None, ZeroEmploymentOutcome.ZeroEmployment) => ZeroEmploymentStatus.Identified,
            (ZeroEmploymentStatus.Identified or ZeroEmploymentStatus.Assisting, ZeroEmploymentOutcome.SomeoneWorks) => ZeroEmploymentStatus.Eliminated,
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
            throw new HouseholdException("Only an identified zero-employment household can be given an assistance plan.");
        }

        plan = (plan ?? string.Empty).Trim();
        if (plan.Length is 0 or > PlanMaxLength)
        {
            throw new HouseholdException($"A plan has 1 to {PlanMaxLength} characters.");
        }

        AssistancePlan = plan;
        AssignedStaffId = staffId;
        AssignedStaffName = staffName;
        MoveTo(ZeroEmploymentStatus.Assisting, on);
    }

    private void MoveTo(ZeroEmploymentStatus next, DateOnly on)
    {
        _statusChanges.Add(HouseholdStatusChange.Create(Id, Status, next, on));
        Status = next;
        StatusSince = on;
    }
}
