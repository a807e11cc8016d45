using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// Tax and fee relief for self-employment (自谋职业税费减免, 002 §二.1): registered unemployed;
/// starting self-employment in an individual business; no amount; the relief years as the duration.
/// </summary>
internal sealed class SelfEmploymentReliefRule : IEligibilityRule
{
    public string Code => SchemeCatalog.SelfEmploymentRelief;

    public JudgedAt JudgedAt => JudgedAt.Application;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        // 002 §二.1: laid-off and unemployed persons in individual business are exempt from all
        // administrative, registration and licence fees (and the related taxes for a period).
        Registered(rule, facts);
        Flag(rule, facts.StartingSelfEmployment, "SelfEmployment", nameof(facts.StartingSelfEmployment));
        var years = rule.Number(SchemeCatalog.SelfEmploymentRelief, "ReliefYears", "Duration");
        return rule.Result(null, years is { } y ? (int)(y.Value * 12) : null);
    }
}
