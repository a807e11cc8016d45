using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The one-off hiring subsidy to the employer (一次性吸纳就业补贴, 001): the hired person a poor
/// laborer, hardship person or registered unemployed; a contract of at least N months; social
/// insurance paid for the person; an amount per person.
/// </summary>
internal sealed class EmployerHiringRule : IEligibilityRule
{
    public string Code => SchemeCatalog.EmployerHiring;

    public JudgedAt JudgedAt => JudgedAt.Hire;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        // 001: employers hiring poor laborers; the national rule this extends also counts registered
        // unemployed persons, so either makes the hired person count.
        PoorOrHardship(rule, facts, orRegistered: true);
        Contract(rule, facts, SchemeCatalog.EmployerHiring);
        Flag(rule, facts.SocialInsurancePaidOnTime, "SocialInsurancePaid", nameof(facts.SocialInsurancePaidOnTime));
        var amount = rule.Number(SchemeCatalog.EmployerHiring, "AmountPerPerson", "Amount");
        return rule.Result(amount?.Value, null);
    }
}
