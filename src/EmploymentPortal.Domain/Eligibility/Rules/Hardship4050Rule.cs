using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;
using static EmploymentPortal.Domain.Eligibility.Rules.Criteria;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The 4050 hardship certification (大龄就业困难对象, 002 §二.4): women from 40 and men from 50 on the
/// application date, to the day; able and wishing to work; registered unemployed on the date.
/// </summary>
internal sealed class Hardship4050Rule : IEligibilityRule
{
    public string Code => EligibilityRules.Hardship4050;

    public JudgedAt JudgedAt => JudgedAt.Application;

    public EligibilityResult Evaluate(RuleBuilder rule, EligibilityFacts facts)
    {
        Age4050(rule, facts);
        Capable(rule, facts);
        Registered(rule, facts);
        return rule.Result();
    }

    private static void Age4050(RuleBuilder rule, EligibilityFacts f)
    {
        if (f.BirthDate is not { } birth || f.Sex is not { } sex)
        {
            rule.Missing("Age4050", nameof(f.BirthDate), R("Age4050.Missing"));
            return;
        }

        var key = sex == Sex.Female ? ParameterKeys.HardshipWomenMinAge : ParameterKeys.HardshipMenMinAge;
        if (rule.Number(key, ParameterUnit.Years, "Age4050") is not { } minAge)
        {
            return;
        }

        var age = rule.PersonOn < birth ? new Age(0, 0) : Age.On(birth, rule.PersonOn);
        var met = age.Years >= (int)minAge.Value && rule.PersonOn >= birth;
        var facts = new Dictionary<string, string> { ["sex"] = sex.ToString(), ["birthDate"] = Iso(birth), ["age"] = $"{age.Years}y{age.Months}m" };
        rule.Add("Age4050", met, facts, R(met ? "Age4050.Met" : "Age4050.NotMet",
            ("sex", new LabelArg("Reason.Sex." + sex)), ("on", rule.On), ("age", new AgeArg(age.Years, age.Months)), ("min", minAge)));
    }
}
