using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;

namespace EmploymentPortal.Domain.Households;

/// <summary>What the rule needs to know of one member.</summary>
public sealed record MemberFacts(DateOnly BirthDate, Sex Sex, LaborCapacity LaborCapacity, bool WantsWork, EmploymentStatus Status);

/// <summary>The outcome of the zero-employment test for a household on a date.</summary>
public enum ZeroEmploymentOutcome
{
    /// <summary>Urban, no business income, at least one member in the labour force, and all of them without work.</summary>
    ZeroEmployment = 1,

    /// <summary>At least one member in the labour force has work.</summary>
    SomeoneWorks = 2,

    /// <summary>The definition does not apply (rural, business income, or nobody in the labour force).</summary>
    NotApplicable = 3,
}

/// <summary>
/// The national definition of a zero-employment household 零就业家庭 (policy-rules.md; source
/// 004 §三(一)): an urban household in which every member of legal working age who has labour
/// capacity and wishes to work is unemployed, and which has no business or investment income.
/// </summary>
public static class ZeroEmploymentRule
{
    public static ZeroEmploymentOutcome Evaluate(
        HukouType hukou,
        bool hasBusinessIncome,
        IEnumerable<MemberFacts> members,
        DateOnly on,
        PolicyParameterSet parameters)
    {
        if (hukou != HukouType.Urban || hasBusinessIncome)
        {
            return ZeroEmploymentOutcome.NotApplicable;
        }

        var labourForce = members.Where(m => InLabourForce(m, on, parameters)).ToList();
        if (labourForce.Count == 0)
        {
            return ZeroEmploymentOutcome.NotApplicable;
        }

        return labourForce.Any(m => m.Status.IsWorking())
            ? ZeroEmploymentOutcome.SomeoneWorks
            : ZeroEmploymentOutcome.ZeroEmployment;
    }

    /// <summary>Of working age, able to work (fully or partly), wishing to work, and not a student or retired.</summary>
    public static bool InLabourForce(MemberFacts member, DateOnly on, PolicyParameterSet parameters) =>
        member.WantsWork
        && member.LaborCapacity != LaborCapacity.None
        && member.Status is not (EmploymentStatus.Student or EmploymentStatus.Retired)
        && WorkingAge.IsOfWorkingAge(member.BirthDate, member.Sex, on, parameters);
}
