using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// Community job development (社区就业岗位开发, 003 §四(二)): the hired person was registered
/// unemployed when hired; a new street/community-funded project; a contract of at least N years;
/// social insurance paid on time; an amount per person.
/// </summary>
internal sealed class CommunityJobDevelopmentRule : IEligibilityRule
{
    public string Code => SchemeCatalog.CommunityJobDevelopment;

    public JudgedAt JudgedAt => JudgedAt.Hire;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        Registered(rule, facts);
        Flag(rule, facts.NewCommunityServiceProject, "NewProject", nameof(facts.NewCommunityServiceProject));
        Contract(rule, facts, SchemeCatalog.CommunityJobDevelopment);
        Flag(rule, facts.SocialInsurancePaidOnTime, "SocialInsurancePaid", nameof(facts.SocialInsurancePaidOnTime));
        var amount = rule.Number(SchemeCatalog.CommunityJobDevelopment, "AmountPerPerson", "Amount");
        return rule.Result(amount?.Value, null);
    }
}
