using System.Globalization;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Domain.Eligibility;

/// <summary>
/// The policy-eligibility rules: each scheme's conditions as criteria over <see cref="EligibilityFacts"/>,
/// with the numbers read for the application date from the parameter versions. Ages are taken on
/// the application date, to the day.
/// </summary>
public static class EligibilityRules
{
    /// <summary>The 4050 hardship certification (大龄就业困难对象), evaluated like a scheme.</summary>
    public const string Hardship4050 = nameof(Hardship4050);

    /// <summary>A member of a zero-employment household (零就业家庭) seeking work: a second certifiable hardship category.</summary>
    public const string HardshipZeroEmployment = nameof(HardshipZeroEmployment);

    /// <summary>The reason code of a criterion whose policy number the county has not set for the date.</summary>
    public const string NumberNotSet = nameof(NumberNotSet);

    public static IReadOnlyList<string> Implemented { get; } =
    [
        Hardship4050, HardshipZeroEmployment, SchemeCatalog.SmallLoan, SchemeCatalog.CommunityJobDevelopment, SchemeCatalog.SocialInsurance, SchemeCatalog.PostSubsidy,
        SchemeCatalog.Training, SchemeCatalog.JobSearch, SchemeCatalog.JobIntroduction, SchemeCatalog.EmployerHiring, SchemeCatalog.TrainingLivingCost, SchemeCatalog.SelfEmploymentRelief,
    ];

    /// <summary>The hardship categories a person may be certified in (就业困难人员), each evaluated by the rule of its code.</summary>
    public static IReadOnlyList<HardshipCategory> HardshipCategories { get; } =
    [
        new(Hardship4050),
        new(HardshipZeroEmployment),
    ];

    /// <summary>
    /// The schemes that reward a hire judge the person as they were when hired (the contract's
    /// start): registered unemployed, of working age, certified (docs/policy-rules.md, "Judged-at
    /// dates"). The others judge the person on the application date.
    /// </summary>
    public static JudgedAt JudgedAtOf(string code) => code switch
    {
        SchemeCatalog.CommunityJobDevelopment or SchemeCatalog.SocialInsurance or SchemeCatalog.PostSubsidy
            or SchemeCatalog.JobIntroduction or SchemeCatalog.EmployerHiring => JudgedAt.Hire,
        _ => JudgedAt.Application,
    };

    /// <summary>The date a scheme judges the person at: the contract's start for a hire (when known), else the application date.</summary>
    public static DateOnly PersonDateFor(string code, DateOnly applicationDate, DateOnly? contractStart) =>
        JudgedAtOf(code) == JudgedAt.Hire && contractStart is { } start ? start : applicationDate;

    public static EligibilityResult Evaluate(EligibilityFacts facts, string code, PolicyParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rule = new RuleBuilder(code, facts.ApplicationDate, facts.PersonDate ?? facts.ApplicationDate, JudgedAtOf(code), parameters);
        OfWorkingAge(rule, facts);
        switch (code)
        {
            case Hardship4050:
                Age4050(rule, facts);
                Capable(rule, facts);
                Registered(rule, facts);
                return rule.Result();
            case HardshipZeroEmployment:
                Flag(rule, facts.ZeroEmploymentHousehold, "ZeroEmploymentHousehold", nameof(facts.ZeroEmploymentHousehold));
                Capable(rule, facts);
                Registered(rule, facts);
                return rule.Result();
            case SchemeCatalog.SmallLoan:
                return SmallLoan(rule, facts);
            case SchemeCatalog.CommunityJobDevelopment:
                return CommunityJobDevelopment(rule, facts);
            case SchemeCatalog.SocialInsurance:
                return SocialInsurance(rule, facts);
            case SchemeCatalog.PostSubsidy:
                return PostSubsidy(rule, facts);
            case SchemeCatalog.Training:
                return Training(rule, facts);
            case SchemeCatalog.JobSearch:
                return JobSearch(rule, facts);
            case SchemeCatalog.JobIntroduction:
                return JobIntroduction(rule, facts);
            case SchemeCatalog.EmployerHiring:
                return EmployerHiring(rule, facts);
            case SchemeCatalog.TrainingLivingCost:
                return TrainingLivingCost(rule, facts);
            case SchemeCatalog.SelfEmploymentRelief:
                return SelfEmploymentRelief(rule, facts);
            default:
                throw new ArgumentOutOfRangeException(nameof(code), code, "No eligibility rule for this scheme yet.");
        }
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

    /// <summary>
    /// Every scheme and category is for a person of legal working age on the date the person is
    /// judged at: from 16 (《劳动法》第十五条) to the day before their own statutory retirement date
    /// (the 2024 decision's schedule for their sex and, for women, worker or cadre).
    /// </summary>
    private static void OfWorkingAge(RuleBuilder rule, EligibilityFacts f)
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

    private static void Capable(RuleBuilder rule, EligibilityFacts f)
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

    private static void Registered(RuleBuilder rule, EligibilityFacts f)
    {
        if (f.RegisteredUnemployed is not { } registered)
        {
            rule.Missing("RegisteredUnemployed", nameof(f.RegisteredUnemployed), R("RegisteredUnemployed.Missing"));
            return;
        }

        rule.Add("RegisteredUnemployed", registered, new Dictionary<string, string> { ["registeredUnemployed"] = registered.ToString(), ["on"] = Iso(rule.PersonOn) },
            R(registered ? "RegisteredUnemployed.Met" : "RegisteredUnemployed.NotMet", ("on", rule.On)));
    }

    private static EligibilityResult SmallLoan(RuleBuilder rule, EligibilityFacts f)
    {
        Registered(rule, f);
        Flag(rule, f.StartingSelfEmployment, "SelfEmployment", nameof(f.StartingSelfEmployment));
        var max = rule.Number(SchemeCatalog.SmallLoan, "MaxAmount", "LoanAmount");
        var years = rule.Number(SchemeCatalog.SmallLoan, "MaxTermYears", "LoanTerm");
        if (f.RequestedLoanAmount is not { } amount)
        {
            rule.Missing("LoanAmount", nameof(f.RequestedLoanAmount), R("LoanAmount.Missing"));
        }
        else if (amount <= 0)
        {
            // Nothing to lend is not "above the maximum": the amount itself is wrong.
            rule.Add("LoanAmount", false, new Dictionary<string, string> { ["requested"] = Money(amount) }, R("LoanAmount.NotPositive", ("requested", new AmountArg(amount))));
        }
        else if (max is { } maxAmount)
        {
            var met = amount <= maxAmount.Value;
            rule.Add("LoanAmount", met, new Dictionary<string, string> { ["requested"] = Money(amount), ["max"] = Money(maxAmount.Value) },
                R(met ? "LoanAmount.Within" : "LoanAmount.Above", ("requested", new AmountArg(amount)), ("max", maxAmount)));
        }

        if (f.RequestedLoanTermMonths is not { } term)
        {
            rule.Missing("LoanTerm", nameof(f.RequestedLoanTermMonths), R("LoanTerm.Missing"));
        }
        else if (term <= 0)
        {
            rule.Add("LoanTerm", false, new Dictionary<string, string> { ["termMonths"] = term.ToString(CultureInfo.InvariantCulture) }, R("LoanTerm.NotPositive", ("term", Months(term))));
        }
        else if (years is { } maxYears)
        {
            var met = term <= maxYears.Value * 12;
            rule.Add("LoanTerm", met, new Dictionary<string, string> { ["termMonths"] = term.ToString(CultureInfo.InvariantCulture), ["maxYears"] = Money(maxYears.Value) },
                R(met ? "LoanTerm.Within" : "LoanTerm.Beyond", ("term", Months(term)), ("max", maxYears)));
        }

        return rule.Result(f.RequestedLoanAmount, f.RequestedLoanTermMonths);
    }

    private static EligibilityResult CommunityJobDevelopment(RuleBuilder rule, EligibilityFacts f)
    {
        Registered(rule, f);
        Flag(rule, f.NewCommunityServiceProject, "NewProject", nameof(f.NewCommunityServiceProject));
        Contract(rule, f, SchemeCatalog.CommunityJobDevelopment);
        Flag(rule, f.SocialInsurancePaidOnTime, "SocialInsurancePaid", nameof(f.SocialInsurancePaidOnTime));
        var amount = rule.Number(SchemeCatalog.CommunityJobDevelopment, "AmountPerPerson", "Amount");
        return rule.Result(amount?.Value, null);
    }

    private static EligibilityResult SocialInsurance(RuleBuilder rule, EligibilityFacts f)
    {
        // (a) a registered unemployed person hired on a long contract, or (b) a certified 4050
        // hardship person placed in a community public-welfare post (002 §二.3).
        if (f.CertifiedCategories?.Contains(Hardship4050) == true && f.PublicWelfarePost == true)
        {
            rule.Add("HardshipInPublicWelfarePost", true, new Dictionary<string, string> { ["certified"] = Hardship4050, ["publicWelfarePost"] = "True" },
                R("HardshipInPublicWelfarePost.Met", ("on", rule.On)));
        }
        else
        {
            Registered(rule, f);
            Contract(rule, f, SchemeCatalog.SocialInsurance);
        }

        var maxYears = rule.Number(SchemeCatalog.SocialInsurance, "MaxYears", "Duration");
        var nearYears = rule.Number(SchemeCatalog.SocialInsurance, "NearRetirementYears", "Duration");
        if (maxYears is not { } years || nearYears is not { } near || f.BirthDate is not { } birth || f.Sex is not { } sex
            || !RetirementNumbersSet(rule, f.RetirementSchedule ?? WorkingAge.ScheduleFor(sex), report: false))
        {
            return rule.Result(null, maxYears is { } y ? (int)(y.Value * 12) : null);
        }

        // The subsidy never runs past the statutory retirement date. 国发〔2015〕23号: a 就业困难人员 (certified
        // in any hardship category) whose contract starts less than N years before retirement ("不足 5 年",
        // strictly less) is subsidised to retirement instead of for the standard period.
        var standard = (int)(years.Value * 12);
        var retirement = WorkingAge.RetirementDate(birth, f.RetirementSchedule ?? WorkingAge.ScheduleFor(sex), rule.PersonOn, rule.Parameters);
        var start = f.ContractStart ?? f.ApplicationDate;
        var toRetirement = Math.Max(0, MonthsBetween(start, retirement));
        var nearRetirement = near.Value > 0 && start > retirement.AddYears(-(int)near.Value) && start < retirement;
        var facts = new Dictionary<string, string> { ["retirementDate"] = Iso(retirement), ["contractStart"] = Iso(start) };
        (string Name, ReasonArg Value)[] args = [("retirement", new DateArg(retirement)), ("start", new DateArg(start)), ("near", near), ("max", years)];
        if (nearRetirement && f.HardshipCertified == true && toRetirement > standard)
        {
            rule.Note("Duration", facts, R("Duration.ToRetirement", [.. args, ("months", Months(toRetirement))]));
            return rule.Result(null, toRetirement);
        }

        if (toRetirement < standard)
        {
            rule.Note("Duration", facts, R("Duration.EndsAtRetirement", [.. args, ("months", Months(toRetirement))]));
            return rule.Result(null, toRetirement);
        }

        if (nearRetirement && f.HardshipCertified != true)
        {
            rule.Note("Duration", facts, R("Duration.NotExtended", [.. args, ("months", Months(standard))]));
        }

        return rule.Result(null, standard);
    }

    private static EligibilityResult PostSubsidy(RuleBuilder rule, EligibilityFacts f)
    {
        Certified(rule, f, Hardship4050);
        Flag(rule, f.PublicWelfarePost, "PublicWelfarePost", nameof(f.PublicWelfarePost));
        var monthly = rule.Number(SchemeCatalog.PostSubsidy, "MonthlyAmount", "Amount");
        var years = rule.Number(SchemeCatalog.PostSubsidy, "MaxYears", "Duration");
        return rule.Result(monthly?.Value, years is { } y ? (int)(y.Value * 12) : null);
    }

    /// <summary>Holds a valid certification in one hardship category on the date the person is judged at.</summary>
    private static void Certified(RuleBuilder rule, EligibilityFacts f, string category)
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

    private static EligibilityResult Training(RuleBuilder rule, EligibilityFacts f)
    {
        // 002 §三(三)1: a qualified institution trained laid-off/unemployed persons free of charge;
        // the labour department finds the trainees within the eligible range and the pass rate and
        // the post-training re-employment rate "reach certain requirements" (the thresholds are local).
        Registered(rule, f);
        Flag(rule, f.TrainingFree, "TrainingFree", nameof(f.TrainingFree));
        Rate(rule, f.PassRatePercent, nameof(f.PassRatePercent), "MinPassRate", "PassRate");
        Rate(rule, f.ReemploymentRatePercent, nameof(f.ReemploymentRatePercent), "MinReemploymentRate", "ReemploymentRate");
        var amount = rule.Number(SchemeCatalog.Training, "AmountPerTrainee", "Amount");
        return rule.Result(amount?.Value, null);
    }

    private static EligibilityResult JobSearch(RuleBuilder rule, EligibilityFacts f)
    {
        PoorOrHardship(rule, f);
        const string code = "SeekingWorkOrStarting";
        if (f.RegisteredUnemployed == true || f.StartingSelfEmployment == true)
        {
            var registered = f.RegisteredUnemployed == true;
            rule.Add(code, true, new Dictionary<string, string> { [registered ? "registeredUnemployed" : "startingSelfEmployment"] = "True" },
                R(registered ? "SeekingWorkOrStarting.Registered" : "SeekingWorkOrStarting.Starting", ("on", rule.On)));
        }
        else if (f.RegisteredUnemployed is null || f.StartingSelfEmployment is null)
        {
            rule.Missing(code, f.RegisteredUnemployed is null ? nameof(f.RegisteredUnemployed) : nameof(f.StartingSelfEmployment), R("SeekingWorkOrStarting.Missing"));
        }
        else
        {
            rule.Add(code, false, new Dictionary<string, string> { ["registeredUnemployed"] = "False", ["startingSelfEmployment"] = "False" },
                R("SeekingWorkOrStarting.Neither", ("on", rule.On)));
        }

        var amount = rule.Number(SchemeCatalog.JobSearch, "Amount", "Amount");
        return rule.Result(amount?.Value, null);
    }

    private static EligibilityResult JobIntroduction(RuleBuilder rule, EligibilityFacts f)
    {
        PoorOrHardship(rule, f);
        Flag(rule, f.PlacedByIntroduction, "PlacedByIntroduction", nameof(f.PlacedByIntroduction));
        if (f.ContractStart is not { } start)
        {
            rule.Missing("ContractSigned", nameof(f.ContractStart), R("ContractSigned.Missing"));
        }
        else
        {
            // The placement is a fact once the contract has started (a contract for a later date is not yet a placement).
            var met = start <= f.ApplicationDate;
            rule.Add("ContractSigned", met, new Dictionary<string, string> { ["contractStart"] = Iso(start) },
                R(met ? "ContractSigned.Met" : "ContractSigned.NotStarted", ("start", new DateArg(start))));
        }

        var amount = rule.Number(SchemeCatalog.JobIntroduction, "AmountPerPlacement", "Amount");
        return rule.Result(amount?.Value, null);
    }

    private static EligibilityResult EmployerHiring(RuleBuilder rule, EligibilityFacts f)
    {
        // 001: employers hiring poor laborers; the national rule this extends also counts registered
        // unemployed persons, so either makes the hired person count.
        PoorOrHardship(rule, f, orRegistered: true);
        Contract(rule, f, SchemeCatalog.EmployerHiring);
        Flag(rule, f.SocialInsurancePaidOnTime, "SocialInsurancePaid", nameof(f.SocialInsurancePaidOnTime));
        var amount = rule.Number(SchemeCatalog.EmployerHiring, "AmountPerPerson", "Amount");
        return rule.Result(amount?.Value, null);
    }

    private static EligibilityResult TrainingLivingCost(RuleBuilder rule, EligibilityFacts f)
    {
        PoorOrHardship(rule, f);
        var daily = rule.Number(SchemeCatalog.TrainingLivingCost, "DailyAmount", "Amount");
        var maxDays = rule.Number(SchemeCatalog.TrainingLivingCost, "MaxDays", "Amount");
        if (f.TrainingDays is not { } days)
        {
            rule.Missing("TrainingAttended", nameof(f.TrainingDays), R("TrainingAttended.Missing"));
            return rule.Result();
        }

        rule.Add("TrainingAttended", days > 0, new Dictionary<string, string> { ["trainingDays"] = days.ToString(CultureInfo.InvariantCulture) },
            days > 0 ? R("TrainingAttended.Met", ("days", new QuantityArg(days, ParameterUnit.Days))) : R("TrainingAttended.NotMet"));
        if (daily is not { } perDay || maxDays is not { } cap || days <= 0)
        {
            return rule.Result();
        }

        var paidDays = Math.Min(days, (int)cap.Value);
        rule.Note("Amount", new Dictionary<string, string> { ["paidDays"] = paidDays.ToString(CultureInfo.InvariantCulture), ["dailyAmount"] = Money(perDay.Value) },
            R("Amount.PerDay", ("days", new QuantityArg(paidDays, ParameterUnit.Days)), ("max", cap), ("daily", perDay), ("amount", new AmountArg(perDay.Value * paidDays))));
        return rule.Result(perDay.Value * paidDays, null);
    }

    private static EligibilityResult SelfEmploymentRelief(RuleBuilder rule, EligibilityFacts f)
    {
        // 002 §二.1: laid-off and unemployed persons in individual business are exempt from all
        // administrative, registration and licence fees (and the related taxes for a period).
        Registered(rule, f);
        Flag(rule, f.StartingSelfEmployment, "SelfEmployment", nameof(f.StartingSelfEmployment));
        var years = rule.Number(SchemeCatalog.SelfEmploymentRelief, "ReliefYears", "Duration");
        return rule.Result(null, years is { } y ? (int)(y.Value * 12) : null);
    }

    /// <summary>
    /// A poor laborer or hardship person (001 贫困劳动力): certified in a hardship category, or a
    /// member of a low-income or poverty-registered household; for an employer's hire
    /// (<paramref name="orRegistered"/>) a registered unemployed person counts too.
    /// </summary>
    private static void PoorOrHardship(RuleBuilder rule, EligibilityFacts f, bool orRegistered = false)
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

    /// <summary>A rate reaching its minimum (a percentage in force on the date).</summary>
    private static void Rate(RuleBuilder rule, decimal? value, string fact, string minName, string code)
    {
        if (value is not { } rate)
        {
            rule.Missing(code, fact, R("Missing", ("fact", new LabelArg("Fact." + fact))));
            return;
        }

        if (rule.Number(SchemeCatalog.Training, minName, code) is not { } min)
        {
            return;
        }

        var met = rate >= min.Value;
        rule.Add(code, met, new Dictionary<string, string> { [Camel(fact)] = Money(rate), ["min"] = Money(min.Value) },
            R(met ? "Rate.Reached" : "Rate.Below", ("rate", new LabelArg("Reason.Rate." + fact)), ("value", new QuantityArg(rate, ParameterUnit.Percent)), ("min", min)));
    }

    /// <summary>The working-age and retirement numbers of a schedule are in force (reported as not set when asked to).</summary>
    private static bool RetirementNumbersSet(RuleBuilder rule, RetirementSchedule schedule, bool report)
    {
        (string Key, ParameterUnit Unit)[] keys = [(ParameterKeys.RetirementBaseYears(schedule), ParameterUnit.Years), (ParameterKeys.RetirementMaxDelayMonths(schedule), ParameterUnit.Months)];
        return report
            ? keys.Select(k => rule.Number(k.Key, k.Unit, "WorkingAge")).ToList().TrueForAll(v => v is not null)
            : keys.All(k => rule.Parameters.TryValueOn(k.Key, rule.PersonOn) is not null)
                && rule.Parameters.TryValueOn(ParameterKeys.WorkingAgeMinimumYears, rule.PersonOn) is not null;
    }

    private static string Camel(string fact) => char.ToLowerInvariant(fact[0]) + fact[1..];

    /// <summary>
    /// The labour contract's length against the scheme's minimum (in years, or in months for the
    /// hiring subsidy). A contract "of three years" from 2026-01-01 ends on 2028-12-31: its last day
    /// counts. A contract that ends before it starts is not a short contract but a wrong one.
    /// </summary>
    private static void Contract(RuleBuilder rule, EligibilityFacts f, string scheme)
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
    private static void Flag(RuleBuilder rule, bool? value, string code, string fact)
    {
        if (value is not { } known)
        {
            rule.Missing(code, fact, R("Missing", ("fact", new LabelArg("Fact." + fact))));
            return;
        }

        rule.Add(code, known, new Dictionary<string, string> { [Camel(fact)] = known.ToString() }, R(code + (known ? ".Yes" : ".No")));
    }

    private static Reason R(string code, params (string Name, ReasonArg Value)[] args) => Reason.Of(code, args);

    private static QuantityArg Months(int months) => new(months, ParameterUnit.Months);

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (a month counts when its day is reached).</summary>
    private static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal m) => m.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Collects criteria and turns them into a decision: any unmet → not eligible; else any unknown → cannot tell.</summary>
    private sealed class RuleBuilder(string code, DateOnly on, DateOnly personOn, JudgedAt judgedAt, PolicyParameterSet parameters)
    {
        private readonly List<Criterion> _criteria = [];
        private readonly List<string> _missing = [];

        public PolicyParameterSet Parameters => parameters;

        /// <summary>The date the person's own conditions are judged at (<see cref="JudgedAtOf"/>).</summary>
        public DateOnly PersonOn => personOn;

        /// <summary>That date as the explanations name it: the hire when it is not the application date.</summary>
        public JudgedOnArg On => new(judgedAt == JudgedAt.Hire && personOn != on ? JudgedAt.Hire : JudgedAt.Application, personOn);

        public void Add(string criterion, bool met, IReadOnlyDictionary<string, string> facts, Reason reason) =>
            _criteria.Add(new Criterion(criterion, met ? Outcome.Met : Outcome.NotMet, reason, facts));

        public void Missing(string criterion, string fact, Reason reason)
        {
            _criteria.Add(new Criterion(criterion, Outcome.Unknown, reason, new Dictionary<string, string>()));
            _missing.Add(fact);
        }

        /// <summary>Information that is neither a condition nor a fact gap (e.g. how a duration was computed).</summary>
        public void Note(string criterion, IReadOnlyDictionary<string, string> facts, Reason reason) =>
            _criteria.Add(new Criterion(criterion, Outcome.Met, reason, facts));

        /// <summary>A scheme's number in force on the application date (<see cref="Number(string, ParameterUnit, string)"/>).</summary>
        public NumberArg? Number(string scheme, string name, string criterion)
        {
            var parameter = SchemeCatalog.Find(scheme)!.Parameters.Single(p => p.Name == name);
            return Number(parameter.Key, parameter.Unit, criterion);
        }

        /// <summary>
        /// A number in force on the application date, with the version and source that say so; a
        /// missing one makes the criterion unknown (the county has not set it).
        /// </summary>
        public NumberArg? Number(string key, ParameterUnit unit, string criterion)
        {
            if (parameters.TryVersionOn(key, on) is { } version)
            {
                return new NumberArg(key, version.Value, unit, version.EffectiveFrom, version.Source);
            }

            Missing(criterion, key, R(NumberNotSet, ("number", new LabelArg(ParameterNames.TextKey(key))), ("on", new DateArg(on))));
            return null;
        }

        public EligibilityResult Result(decimal? amount = null, int? months = null)
        {
            var decision = _criteria.Any(c => c.Outcome == Outcome.NotMet) ? Decision.NotEligible
                : _criteria.Any(c => c.Outcome == Outcome.Unknown) ? Decision.CannotTell
                : Decision.Eligible;
            return new EligibilityResult(code, on, personOn, On.At, decision, _criteria, _missing.Distinct().ToList(),
                decision == Decision.Eligible ? amount : null, decision == Decision.Eligible ? months : null);
        }
    }
}

/// <summary>Which date a scheme judges the person's own conditions at.</summary>
public enum JudgedAt
{
    /// <summary>The application (or certification request) date.</summary>
    Application = 1,

    /// <summary>The hire: the start of the labour contract or placement.</summary>
    Hire = 2,
}

/// <summary>A hardship category a person may be certified in; its code is the rule that checks it (pages name it from the text <c>Category.{Code}</c>).</summary>
public sealed record HardshipCategory(string Code);
