using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The public-welfare post subsidy (公益性岗位补贴, 002 §二.4, "公益性岗位安排原属国有企业大龄就业困难对象"):
/// certified in the 4050 category when placed (a zero-employment-household certification does not
/// count) in a public-welfare post; a monthly amount and years as set locally.
/// </summary>
internal sealed class PostSubsidyRule : IEligibilityRule
{
    public string Code => SchemeCatalog.PostSubsidy;

    public JudgedAt JudgedAt => JudgedAt.Hire;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        Certified(rule, facts, EligibilityRules.Hardship4050);
        Flag(rule, facts.PublicWelfarePost, "PublicWelfarePost", nameof(facts.PublicWelfarePost));
        var monthly = rule.Number(SchemeCatalog.PostSubsidy, "MonthlyAmount", "Amount");
        var years = rule.Number(SchemeCatalog.PostSubsidy, "MaxYears", "Duration");
        return rule.Result(monthly?.Value, years is { } y ? (int)(y.Value * 12) : null);
    }
}
