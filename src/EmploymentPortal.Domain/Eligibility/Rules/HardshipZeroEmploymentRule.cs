using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// A member of a zero-employment household (零就业家庭成员) seeking work, the second certifiable
/// hardship category (004 §三(一); the category is the national practice of 就业困难人员认定): the
/// household fact; able and wishing to work; registered unemployed on the application date.
/// </summary>
internal sealed class HardshipZeroEmploymentRule : IEligibilityRule
{
    public string Code => EligibilityRules.HardshipZeroEmployment;

    public JudgedAt JudgedAt => JudgedAt.Application;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        Flag(rule, facts.ZeroEmploymentHousehold, "ZeroEmploymentHousehold", nameof(facts.ZeroEmploymentHousehold));
        Capable(rule, facts);
        Registered(rule, facts);
        return rule.Result();
    }
}
