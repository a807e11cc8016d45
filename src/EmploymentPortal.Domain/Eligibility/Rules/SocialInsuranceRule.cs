using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The social insurance subsidy (社会保险补贴, 002 §二.3; 国发〔2015〕23号 for the years before
/// retirement): a registered unemployed person hired on a long contract, or a certified 4050 person
/// in a public-welfare post; N years, never past the statutory retirement date, to retirement for a
/// hardship person hired less than N years before it.
/// </summary>
internal sealed class SocialInsuranceRule : IEligibilityRule
{
    public string Code => SchemeCatalog.SocialInsurance;

    public JudgedAt JudgedAt => JudgedAt.Hire;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        // (a) a registered unemployed person hired on a long contract, or (b) a certified 4050
        // hardship person placed in a community public-welfare post (002 §二.3).
        if (facts.CertifiedCategories?.Contains(EligibilityRules.Hardship4050) == true && facts.PublicWelfarePost == true)
        {
            rule.Add("HardshipInPublicWelfarePost", true, new Dictionary<string, string> { ["certified"] = EligibilityRules.Hardship4050, ["publicWelfarePost"] = "True" },
                R("HardshipInPublicWelfarePost.Met", ("on", rule.On)));
        }
        else
        {
            Registered(rule, facts);
            Contract(rule, facts, SchemeCatalog.SocialInsurance);
        }

        var maxYears = rule.Number(SchemeCatalog.SocialInsurance, "MaxYears", "Duration");
        var nearYears = rule.Number(SchemeCatalog.SocialInsurance, "NearRetirementYears", "Duration");
        if (maxYears is not { } years || nearYears is not { } near || facts.BirthDate is not { } birth || facts.Sex is not { } sex
            || !RetirementNumbersSet(rule, facts.RetirementSchedule ?? WorkingAge.ScheduleFor(sex), report: false))
        {
            return rule.Result(null, maxYears is { } y ? (int)(y.Value * 12) : null);
        }

        // The subsidy never runs past the statutory retirement date. 国发〔2015〕23号: a 就业困难人员 (certified
        // in any hardship category) whose contract starts less than N years before retirement ("不足 5 年",
        // strictly less) is subsidised to retirement instead of for the standard period.
        var standard = (int)(years.Value * 12);
        var retirement = WorkingAge.RetirementDate(birth, facts.RetirementSchedule ?? WorkingAge.ScheduleFor(sex), rule.PersonOn, rule.Parameters);
        var start = facts.ContractStart ?? facts.ApplicationDate;
        var toRetirement = Math.Max(0, MonthsBetween(start, retirement));
        var nearRetirement = near.Value > 0 && start > retirement.AddYears(-(int)near.Value) && start < retirement;
        var used = new Dictionary<string, string> { ["retirementDate"] = Iso(retirement), ["contractStart"] = Iso(start) };
        (string Name, ReasonArg Value)[] args = [("retirement", new DateArg(retirement)), ("start", new DateArg(start)), ("near", near), ("max", years)];
        if (nearRetirement && facts.HardshipCertified == true && toRetirement > standard)
        {
            rule.Note("Duration", used, R("Duration.ToRetirement", [.. args, ("months", Months(toRetirement))]));
            return rule.Result(null, toRetirement);
        }

        if (toRetirement < standard)
        {
            rule.Note("Duration", used, R("Duration.EndsAtRetirement", [.. args, ("months", Months(toRetirement))]));
            return rule.Result(null, toRetirement);
        }

        if (nearRetirement && facts.HardshipCertified != true)
        {
            rule.Note("Duration", used, R("Duration.NotExtended", [.. args, ("months", Months(standard))]));
        }

        return rule.Result(null, standard);
    }
}
