using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The one-off job-search and start-up payment (一次性求职创业补贴, 001): a poor laborer or hardship
/// person, and registered unemployed or starting self-employment (our reading of 求职创业); an amount.
/// </summary>
internal sealed class JobSearchRule : IEligibilityRule
{
    public string Code => SchemeCatalog.JobSearch;

    public JudgedAt JudgedAt => JudgedAt.Application;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        PoorOrHardship(rule, facts);
        const string code = "SeekingWorkOrStarting";
        if (facts.RegisteredUnemployed == true || facts.StartingSelfEmployment == true)
        {
            var registered = facts.RegisteredUnemployed == true;
            rule.Add(code, true, new Dictionary<string, string> { [registered ? "registeredUnemployed" : "startingSelfEmployment"] = "True" },
                R(registered ? "SeekingWorkOrStarting.Registered" : "SeekingWorkOrStarting.Starting", ("on", rule.On)));
        }
        else if (facts.RegisteredUnemployed is null || facts.StartingSelfEmployment is null)
        {
            rule.Missing(code, facts.RegisteredUnemployed is null ? nameof(facts.RegisteredUnemployed) : nameof(facts.StartingSelfEmployment), R("SeekingWorkOrStarting.Missing"));
        }
        else
        {
            rule.Add(code, false, new Dictionary<string, string> { ["registeredUnemployed"] = "False", ["startingSelfEmployment"] = "False" },
                R("SeekingWorkOrStarting.Neither", ("on", rule.On)));
        }

        var amount = rule.Number(SchemeCatalog.JobSearch, "Amount", "Amount");
        return rule.Result(amount?.Value, null);
    }
}
