using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The job introduction subsidy (职业介绍补贴, 001): a poor laborer or hardship person; placed by a
/// job introduction; a labour contract that has started by the application date; an amount per placement.
/// </summary>
internal sealed class JobIntroductionRule : IEligibilityRule
{
    public string Code => SchemeCatalog.JobIntroduction;

    public JudgedAt JudgedAt => JudgedAt.Hire;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        PoorOrHardship(rule, facts);
        Flag(rule, facts.PlacedByIntroduction, "PlacedByIntroduction", nameof(facts.PlacedByIntroduction));
        if (facts.ContractStart is not { } start)
        {
            rule.Missing("ContractSigned", nameof(facts.ContractStart), R("ContractSigned.Missing"));
        }
        else
        {
            // The placement is a fact once the contract has started (a contract for a later date is not yet a placement).
            var met = start <= facts.ApplicationDate;
            rule.Add("ContractSigned", met, new Dictionary<string, string> { ["contractStart"] = Iso(start) },
                R(met ? "ContractSigned.Met" : "ContractSigned.NotStarted", ("start", new DateArg(start))));
        }

        var amount = rule.Number(SchemeCatalog.JobIntroduction, "AmountPerPlacement", "Amount");
        return rule.Result(amount?.Value, null);
    }
}
