using System.Globalization;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Domain.Eligibility.Rules;

/// <summary>
/// The criteria several rules share — working age, able and willing, registered unemployed,
/// certified, a poor laborer or hardship person, a labour contract, a yes/no fact, a rate — and
/// the formats their facts are written in.
/// </summary>
internal static class Criteria
{
    /// <summary>
    /// Every scheme and category is for a person of legal working age on the date the person is
    /// judged at: from 16 (《劳动法》第十五条) to the day before their own statutory retirement date
    /// (the 2024 decision's schedule for their sex and, for women, worker or cadre).
    /// </summary>
    public static void OfWorkingAge(RuleBuilder rule, EligibilityFacts f)
    {
        if (f.BirthDate is not { } birth || f.Sex is not { } sex)
        {
            rule.Missing("WorkingAge", nameof(f.BirthDate), R("WorkingAge.Missing"));
            return;
        }

        var schedule = f.RetirementSchedule ?? WorkingAge.ScheduleFor(sex);
        if (!RetirementNumbersSet(rule, schedule, report: true)
            || rule.Number(ParameterKeys.WorkingAgeMinimumYears, ParameterUnit.Years, "WorkingAge") is not { } minimum)
        {
            return;
        }

        var check = WorkingAge.Check(birth, schedule, rule.PersonOn, rule.Parameters);
        var facts = new Dictionary<string, string> { ["birthDate"] = Iso(birth), ["retirementDate"] = Iso(check.RetirementDate), ["schedule"] = check.Schedule.ToString() };
        rule.Add("WorkingAge", check.IsWithin, facts, R("WorkingAge." + check.Standing,
            ("on", rule.On), ("min", minimum), ("retirement", new DateArg(check.RetirementDate)), ("schedule", new LabelArg("Reason.Schedule." + check.Schedule))));
    }

    /// <summary>The working-age and retirement numbers of a schedule are in force (reported as not set when asked to).</summary>
    public static bool RetirementNumbersSet(RuleBuilder rule, RetirementSchedule schedule, bool report)
    {
        (string Key, ParameterUnit Unit)[] keys = [(ParameterKeys.RetirementBaseYears(schedule), ParameterUnit.Years), (ParameterKeys.RetirementMaxDelayMonths(schedule), ParameterUnit.Months)];
        return report
            ? keys.Select(k => rule.Number(k.Key, k.Unit, "WorkingAge")).ToList().TrueForAll(v => v is not null)
            : keys.All(k => rule.Parameters.TryValueOn(k.Key, rule.PersonOn) is not null)
                && rule.Parameters.TryValueOn(ParameterKeys.WorkingAgeMinimumYears, rule.PersonOn) is not null;
    }

    /// <summary>Able (fully or partly) and wishing to work.</summary>
    public static void Capable(RuleBuilder rule, EligibilityFacts f)
    {
        if (f.LaborCapacity is not { } capacity || f.WantsWork is not { } wants)
        {
            rule.Missing("CapableAndWilling", nameof(f.LaborCapacity), R("CapableAndWilling.Missing"));
            return;
        }

        var able = capacity != LaborCapacity.None;
        rule.Add("CapableAndWilling", able && wants, new Dictionary<string, string> { ["laborCapacity"] = capacity.ToString(), ["wantsWork"] = wants.ToString() },
            R((able, wants) switch
            {
                (true, true) => "CapableAndWilling.Met",
                (false, true) => "CapableAndWilling.NotAble",
                (true, false) => "CapableAndWilling.NotWilling",
                _ => "CapableAndWilling.Neither",
            }));
    }

    /// <summary>Has an unemployment registration open on the date the person is judged at.</summary>
    public static void Registered(RuleBuilder rule, EligibilityFacts f)
    {
        if (f.RegisteredUnemployed is not { } registered)
        {
            rule.Missing("RegisteredUnemployed", nameof(f.RegisteredUnemployed), R("RegisteredUnemployed.Missing"));
            return;
        }

        rule.Add("RegisteredUnemployed", registered, new Dictionary<string, string> { ["registeredUnemployed"] = registered.ToString(), ["on"] = Iso(rule.PersonOn) },
            R(registered ? "RegisteredUnemployed.Met" : "RegisteredUnemployed.NotMet", ("on", rule.On)));
    }

    /// <summary>Holds a valid certification in one hardship category on the date the person is judged at.</summary>
    public static void Certified(RuleBuilder rule, EligibilityFacts f, string category)
    {
        var name = new LabelArg("Category." + category);
        if (f.CertifiedCategories is not { } categories)
        {
            rule.Missing("HardshipCertified", nameof(f.CertifiedCategories), R("HardshipCertified.Missing", ("category", name)));
            return;
        }

        var met = categories.Contains(category);
        rule.Add("HardshipCertified", met, new Dictionary<string, string> { ["category"] = category, ["on"] = Iso(rule.PersonOn) },
            R(met ? "HardshipCertified.Met" : "HardshipCertified.NotMet", ("on", rule.On), ("category", name)));
    }

    /// <summary>
    /// A poor laborer or hardship person (001 贫困劳动力): certified in a hardship category, or a
    /// member of a low-income or poverty-registered household; for an employer's hire
    /// (<paramref name="orRegistered"/>) a registered unemployed person counts too.
    /// </summary>
    public static void PoorOrHardship(RuleBuilder rule, EligibilityFacts f, bool orRegistered = false)
    {
        var code = orRegistered ? "HiredPerson" : "PoorOrHardship";
        if (f.HardshipCertified == true)
        {
            rule.Add(code, true, new Dictionary<string, string> { ["hardshipCertified"] = "True" }, R(code + ".Certified", ("on", rule.On)));
        }
        else if (f.LowIncomeHousehold == true)
        {
            rule.Add(code, true, new Dictionary<string, string> { ["lowIncomeHousehold"] = "True" }, R(code + ".LowIncome"));
        }
        else if (orRegistered && f.RegisteredUnemployed == true)
        {
            rule.Add(code, true, new Dictionary<string, string> { ["registeredUnemployed"] = "True" }, R(code + ".Registered", ("on", rule.On)));
        }
        else if (f.HardshipCertified is null || f.LowIncomeHousehold is null || (orRegistered && f.RegisteredUnemployed is null))
        {
            var fact = f.HardshipCertified is null ? nameof(f.HardshipCertified) : f.LowIncomeHousehold is null ? nameof(f.LowIncomeHousehold) : nameof(f.RegisteredUnemployed);
            rule.Missing(code, fact, R(code + ".Missing"));
        }
        else
        {
            var facts = new Dictionary<string, string> { ["hardshipCertified"] = "False", ["lowIncomeHousehold"] = "False" };
            if (orRegistered)
            {
                facts["registeredUnemployed"] = "False";
            }

            rule.Add(code, false, facts, R(code + ".Neither", ("on", rule.On)));
        }
    }

    /// <summary>
    /// The labour contract's length against the scheme's minimum (in years, or in months for the
    /// hiring subsidy). A contract "of three years" from 2026-01-01 ends on 2028-12-31: its last day
    /// counts. A contract that ends before it starts is not a short contract but a wrong one.
    /// </summary>
    public static void Contract(RuleBuilder rule, EligibilityFacts f, string scheme)
    {
        if (f.ContractStart is not { } start || f.ContractEnd is not { } end)
        {
            rule.Missing("Contract", f.ContractStart is null ? nameof(f.ContractStart) : nameof(f.ContractEnd), R("Contract.Missing"));
            return;
        }

        var facts = new Dictionary<string, string> { ["start"] = Iso(start), ["end"] = Iso(end) };
        if (end < start)
        {
            rule.Add("Contract", false, facts, R("Contract.EndsBeforeStart", ("start", new DateArg(start)), ("end", new DateArg(end))));
            return;
        }

        var inMonths = scheme == SchemeCatalog.EmployerHiring;
        if (rule.Number(scheme, inMonths ? "MinContractMonths" : "MinContractYears", "Contract") is not { } min)
        {
            return;
        }

        var months = MonthsBetween(start, end.AddDays(1));
        var met = end.AddDays(1) >= (inMonths ? start.AddMonths((int)min.Value) : start.AddYears((int)min.Value));
        rule.Add("Contract", met, facts, R(met ? "Contract.Met" : "Contract.Short",
            ("start", new DateArg(start)), ("end", new DateArg(end)), ("length", new PeriodArg(months / 12, months % 12)), ("min", min)));
    }

    /// <summary>A yes/no fact: its reason codes are "{code}.Yes" and "{code}.No"; not known is "Missing" naming the fact.</summary>
    public static void Flag(RuleBuilder rule, bool? value, string code, string fact)
    {
        if (value is not { } known)
        {
            rule.Missing(code, fact, R("Missing", ("fact", new LabelArg("Fact." + fact))));
            return;
        }

        rule.Add(code, known, new Dictionary<string, string> { [Camel(fact)] = known.ToString() }, R(code + (known ? ".Yes" : ".No")));
    }

    /// <summary>A rate reaching its minimum, a percentage of the scheme in force on the date (<paramref name="minName"/>).</summary>
    public static void Rate(RuleBuilder rule, string scheme, decimal? value, string fact, string minName, string code)
    {
        if (value is not { } rate)
        {
            rule.Missing(code, fact, R("Missing", ("fact", new LabelArg("Fact." + fact))));
            return;
        }

        if (rule.Number(scheme, minName, code) is not { } min)
        {
            return;
        }

        var met = rate >= min.Value;
        rule.Add(code, met, new Dictionary<string, string> { [Camel(fact)] = Money(rate), ["min"] = Money(min.Value) },
            R(met ? "Rate.Reached" : "Rate.Below", ("rate", new LabelArg("Reason.Rate." + fact)), ("value", new QuantityArg(rate, ParameterUnit.Percent)), ("min", min)));
    }

    public static Reason R(string code, params (string Name, ReasonArg Value)[] args) => Reason.Of(code, args);

    public static QuantityArg Months(int months) => new(months, ParameterUnit.Months);

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (a month counts when its day is reached).</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal m) => m.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Camel(string fact) => char.ToLowerInvariant(fact[0]) + fact[1..];
}
