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

    public static IReadOnlyList<string> Implemented { get; } =
    [
        Hardship4050, HardshipZeroEmployment, SchemeCatalog.SmallLoan, SchemeCatalog.CommunityJobDevelopment, SchemeCatalog.SocialInsurance, SchemeCatalog.PostSubsidy,
        SchemeCatalog.Training, SchemeCatalog.JobSearch, SchemeCatalog.JobIntroduction, SchemeCatalog.EmployerHiring, SchemeCatalog.TrainingLivingCost, SchemeCatalog.SelfEmploymentRelief,
    ];

    /// <summary>The hardship categories a person may be certified in (就业困难人员), each evaluated by the rule of its code.</summary>
    public static IReadOnlyList<HardshipCategory> HardshipCategories { get; } =
    [
        new(Hardship4050, "大龄就业困难对象（“4050”人员）", "Older job seekers in hardship (the “4050” group)"),
        new(HardshipZeroEmployment, "零就业家庭成员", "Members of zero-employment households"),
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
                Flag(rule, facts.ZeroEmploymentHousehold, "ZeroEmploymentHousehold", nameof(facts.ZeroEmploymentHousehold),
                    new("零就业家庭成员", "A member of a zero-employment household"), new("不是零就业家庭成员", "Not a member of a zero-employment household"));
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
            rule.Missing("Age4050", nameof(f.BirthDate), new("缺少出生日期或性别", "Birth date or sex is missing"));
            return;
        }

        var key = sex == Sex.Female ? ParameterKeys.HardshipWomenMinAge : ParameterKeys.HardshipMenMinAge;
        if (rule.Number(key, "Age4050") is not { } minAge)
        {
            return;
        }

        var age = rule.PersonOn < birth ? new Age(0, 0) : Age.On(birth, rule.PersonOn);
        var met = age.Years >= (int)minAge && rule.PersonOn >= birth;
        var (sexZh, sexEn) = sex == Sex.Female ? ("女性", "Woman") : ("男性", "Man");
        var facts = new Dictionary<string, string> { ["sex"] = sex.ToString(), ["birthDate"] = Iso(birth), ["age"] = $"{age.Years}y{age.Months}m" };
        rule.Add("Age4050", met, facts,
            new($"{sexZh}，{rule.DateZh}年龄 {age.Years} 岁 {age.Months} 个月，{(met ? "已满" : "不满")} {minAge:0} 周岁",
                $"{sexEn}, aged {age.Years} years {age.Months} months {rule.DateEn}, {(met ? "at least" : "under")} {minAge:0}"));
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
            rule.Missing("WorkingAge", nameof(f.BirthDate), new("缺少出生日期或性别，无法判断是否在劳动年龄内", "Birth date or sex is missing: working age cannot be judged"));
            return;
        }

        var schedule = f.RetirementSchedule ?? WorkingAge.ScheduleFor(sex);
        if (!RetirementNumbersSet(rule, schedule, report: true))
        {
            return;
        }

        var check = WorkingAge.Check(birth, schedule, rule.PersonOn, rule.Parameters);
        var facts = new Dictionary<string, string> { ["birthDate"] = Iso(birth), ["retirementDate"] = Iso(check.RetirementDate), ["schedule"] = check.Schedule.ToString() };
        rule.Add("WorkingAge", check.IsWithin, facts, check.Standing switch
        {
            WorkingAgeStanding.TooYoung => new($"{rule.DateZh}未满 {check.MinimumYears} 周岁，不在劳动年龄内", $"Under {check.MinimumYears} {rule.DateEn}: not of working age"),
            WorkingAgeStanding.Retired => new($"{rule.DateZh}已到法定退休年龄（{Iso(check.RetirementDate)}），不在劳动年龄内", $"Reached statutory retirement age ({Iso(check.RetirementDate)}) {rule.DateEn}: not of working age"),
            _ => new($"{rule.DateZh}在劳动年龄内（年满 {check.MinimumYears} 周岁，{Iso(check.RetirementDate)} 到法定退休年龄）", $"Of working age {rule.DateEn} (at least {check.MinimumYears}; statutory retirement on {Iso(check.RetirementDate)})"),
        });
    }

    private static void Capable(RuleBuilder rule, EligibilityFacts f)
    {
        if (f.LaborCapacity is not { } capacity || f.WantsWork is not { } wants)
        {
            rule.Missing("CapableAndWilling", nameof(f.LaborCapacity), new("缺少劳动能力或就业愿望", "Labour capacity or wish to work is missing"));
            return;
        }

        var able = capacity != LaborCapacity.None;
        rule.Add("CapableAndWilling", able && wants, new Dictionary<string, string> { ["laborCapacity"] = capacity.ToString(), ["wantsWork"] = wants.ToString() },
            (able, wants) switch
            {
                (true, true) => new("有劳动能力和就业愿望", "Able and wishing to work"),
                (false, true) => new("无劳动能力", "Not able to work"),
                (true, false) => new("无就业愿望", "Not wishing to work"),
                _ => new("无劳动能力，也无就业愿望", "Neither able nor wishing to work"),
            });
    }

    private static void Registered(RuleBuilder rule, EligibilityFacts f)
    {
        if (f.RegisteredUnemployed is not { } registered)
        {
            rule.Missing("RegisteredUnemployed", nameof(f.RegisteredUnemployed), new("不知道是否已办理失业登记", "Whether the person is registered unemployed is not known"));
            return;
        }

        rule.Add("RegisteredUnemployed", registered, new Dictionary<string, string> { ["registeredUnemployed"] = registered.ToString(), ["on"] = Iso(rule.PersonOn) },
            registered ? new($"{rule.DateZh}处于失业登记状态", $"Registered unemployed {rule.DateEn}") : new($"{rule.DateZh}未处于失业登记状态", $"Not registered unemployed {rule.DateEn}"));
    }

    private static EligibilityResult SmallLoan(RuleBuilder rule, EligibilityFacts f)
    {
        Registered(rule, f);
        Flag(rule, f.StartingSelfEmployment, "SelfEmployment", nameof(f.StartingSelfEmployment),
            new("自谋职业、自主创业", "Starting self-employment"), new("不是自谋职业或创业", "Not starting self-employment"));
        var max = rule.Number(SchemeCatalog.Key(SchemeCatalog.SmallLoan, "MaxAmount"), "LoanAmount");
        var years = rule.Number(SchemeCatalog.Key(SchemeCatalog.SmallLoan, "MaxTermYears"), "LoanTerm");
        if (f.RequestedLoanAmount is not { } amount)
        {
            rule.Missing("LoanAmount", nameof(f.RequestedLoanAmount), new("缺少申请贷款金额", "The requested loan amount is missing"));
        }
        else if (max is { } maxAmount)
        {
            var met = amount > 0 && amount <= maxAmount;
            rule.Add("LoanAmount", met, new Dictionary<string, string> { ["requested"] = Money(amount), ["max"] = Money(maxAmount) },
                amount <= 0 ? new("申请金额须大于 0 元", "The requested amount must be more than 0 yuan")
                    : new($"申请 {Money(amount)} 元，{(met ? "不超过" : "超过")}最高额度 {Money(maxAmount)} 元", $"Requested {Money(amount)} yuan, {(met ? "within" : "above")} the maximum of {Money(maxAmount)} yuan"));
        }

        if (f.RequestedLoanTermMonths is not { } term)
        {
            rule.Missing("LoanTerm", nameof(f.RequestedLoanTermMonths), new("缺少贷款期限", "The loan term is missing"));
        }
        else if (years is { } maxYears)
        {
            var met = term > 0 && term <= maxYears * 12;
            rule.Add("LoanTerm", met, new Dictionary<string, string> { ["termMonths"] = term.ToString(CultureInfo.InvariantCulture), ["maxYears"] = Money(maxYears) },
                new($"期限 {term} 个月，{(met ? "不超过" : "超过")} {maxYears:0} 年", $"Term {term} months, {(met ? "within" : "beyond")} {maxYears:0} years"));
        }

        return rule.Result(f.RequestedLoanAmount, f.RequestedLoanTermMonths);
    }

    private static EligibilityResult CommunityJobDevelopment(RuleBuilder rule, EligibilityFacts f)
    {
        Registered(rule, f);
        Flag(rule, f.NewCommunityServiceProject, "NewProject", nameof(f.NewCommunityServiceProject),
            new("街道、社区投资开办的新服务项目或企业", "A new service project or enterprise funded by a street or community"),
            new("不是街道、社区投资的新项目", "Not a new project funded by a street or community"));
        Contract(rule, f, SchemeCatalog.Key(SchemeCatalog.CommunityJobDevelopment, "MinContractYears"));
        Flag(rule, f.SocialInsurancePaidOnTime, "SocialInsurancePaid", nameof(f.SocialInsurancePaidOnTime),
            new("按时缴纳社会保险费", "Social insurance paid on time"), new("未按时缴纳社会保险费", "Social insurance not paid on time"));
        var amount = rule.Number(SchemeCatalog.Key(SchemeCatalog.CommunityJobDevelopment, "AmountPerPerson"), "Amount");
        return rule.Result(amount, null);
    }

    private static EligibilityResult SocialInsurance(RuleBuilder rule, EligibilityFacts f)
    {
        // (a) a registered unemployed person hired on a long contract, or (b) a certified 4050
        // hardship person placed in a community public-welfare post (002 §二.3).
        if (f.CertifiedCategories?.Contains(Hardship4050) == true && f.PublicWelfarePost == true)
        {
            rule.Add("HardshipInPublicWelfarePost", true, new Dictionary<string, string> { ["certified"] = Hardship4050, ["publicWelfarePost"] = "True" },
                new("已认定的大龄就业困难对象安置在公益性岗位", "A certified 4050 hardship person placed in a public-welfare post"));
        }
        else
        {
            Registered(rule, f);
            Contract(rule, f, SchemeCatalog.Key(SchemeCatalog.SocialInsurance, "MinContractYears"));
        }

        var maxYears = rule.Number(SchemeCatalog.Key(SchemeCatalog.SocialInsurance, "MaxYears"), "Duration");
        var nearYears = rule.Number(SchemeCatalog.Key(SchemeCatalog.SocialInsurance, "NearRetirementYears"), "Duration");
        if (maxYears is not { } years || nearYears is not { } near || f.BirthDate is not { } birth || f.Sex is not { } sex
            || !RetirementNumbersSet(rule, f.RetirementSchedule ?? WorkingAge.ScheduleFor(sex), report: false))
        {
            return rule.Result(null, maxYears is { } y ? (int)(y * 12) : null);
        }

        // The subsidy never runs past the statutory retirement date. 国发〔2015〕23号: a 就业困难人员 (certified
        // in any hardship category) whose contract starts less than N years before retirement ("不足 5 年",
        // strictly less) is subsidised to retirement instead of for the standard period.
        var standard = (int)(years * 12);
        var retirement = WorkingAge.RetirementDate(birth, f.RetirementSchedule ?? WorkingAge.ScheduleFor(sex), rule.PersonOn, rule.Parameters);
        var start = f.ContractStart ?? f.ApplicationDate;
        var toRetirement = Math.Max(0, MonthsBetween(start, retirement));
        var nearRetirement = near > 0 && start > retirement.AddYears(-(int)near) && start < retirement;
        var facts = new Dictionary<string, string> { ["retirementDate"] = Iso(retirement), ["contractStart"] = Iso(start) };
        if (nearRetirement && f.HardshipCertified == true && toRetirement > standard)
        {
            rule.Note("Duration", facts,
                new($"就业困难人员，合同起始日距法定退休（{Iso(retirement)}）不足 {near:0} 年，补贴至退休：{toRetirement} 个月", $"A person in hardship whose contract starts within {near:0} years of retirement ({Iso(retirement)}): subsidised to retirement, {toRetirement} months"));
            return rule.Result(null, toRetirement);
        }

        if (toRetirement < standard)
        {
            rule.Note("Duration", facts,
                new($"补贴至法定退休（{Iso(retirement)}）为止：{toRetirement} 个月", $"Subsidised until statutory retirement ({Iso(retirement)}): {toRetirement} months"));
            return rule.Result(null, toRetirement);
        }

        if (nearRetirement && f.HardshipCertified != true)
        {
            rule.Note("Duration", facts,
                new($"合同起始日距法定退休（{Iso(retirement)}）不足 {near:0} 年，但未认定为就业困难人员，不延长至退休：{standard} 个月", $"The contract starts within {near:0} years of retirement ({Iso(retirement)}), but the person is not certified in hardship: not extended to retirement, {standard} months"));
        }

        return rule.Result(null, standard);
    }

    private static EligibilityResult PostSubsidy(RuleBuilder rule, EligibilityFacts f)
    {
        Certified(rule, f, Hardship4050);
        Flag(rule, f.PublicWelfarePost, "PublicWelfarePost", nameof(f.PublicWelfarePost),
            new("安置在公益性岗位", "Placed in a public-welfare post"), new("未安置在公益性岗位", "Not placed in a public-welfare post"));
        var monthly = rule.Number(SchemeCatalog.Key(SchemeCatalog.PostSubsidy, "MonthlyAmount"), "Amount");
        var years = rule.Number(SchemeCatalog.Key(SchemeCatalog.PostSubsidy, "MaxYears"), "Duration");
        return rule.Result(monthly, years is { } y ? (int)(y * 12) : null);
    }

    /// <summary>Holds a valid certification in one hardship category on the date the person is judged at.</summary>
    private static void Certified(RuleBuilder rule, EligibilityFacts f, string category)
    {
        var name = HardshipCategories.Single(c => c.Code == category);
        if (f.CertifiedCategories is not { } categories)
        {
            rule.Missing("HardshipCertified", nameof(f.CertifiedCategories), new($"不知道是否已认定为{name.NameZh}", $"Whether the person is certified as {name.NameEn} is not known"));
            return;
        }

        var met = categories.Contains(category);
        rule.Add("HardshipCertified", met, new Dictionary<string, string> { ["category"] = category, ["on"] = Iso(rule.PersonOn) },
            met ? new($"{rule.DateZh}已认定为{name.NameZh}", $"Certified as {name.NameEn} {rule.DateEn}")
                : new($"{rule.DateZh}未认定为{name.NameZh}", $"Not certified as {name.NameEn} {rule.DateEn}"));
    }

    private static EligibilityResult Training(RuleBuilder rule, EligibilityFacts f)
    {
        // 002 §三(三)1: a qualified institution trained laid-off/unemployed persons free of charge;
        // the labour department finds the trainees within the eligible range and the pass rate and
        // the post-training re-employment rate "reach certain requirements" (the thresholds are local).
        Registered(rule, f);
        Flag(rule, f.TrainingFree, "TrainingFree", nameof(f.TrainingFree),
            new("培训对学员免费", "The training was free to the trainee"), new("培训向学员收费", "The trainee paid for the training"));
        Rate(rule, f.PassRatePercent, nameof(f.PassRatePercent), SchemeCatalog.Key(SchemeCatalog.Training, "MinPassRate"), "PassRate", ("培训合格率", "Pass rate"));
        Rate(rule, f.ReemploymentRatePercent, nameof(f.ReemploymentRatePercent), SchemeCatalog.Key(SchemeCatalog.Training, "MinReemploymentRate"), "ReemploymentRate", ("培训后再就业率", "Re-employment rate after training"));
        var amount = rule.Number(SchemeCatalog.Key(SchemeCatalog.Training, "AmountPerTrainee"), "Amount");
        return rule.Result(amount, null);
    }

    private static EligibilityResult JobSearch(RuleBuilder rule, EligibilityFacts f)
    {
        PoorOrHardship(rule, f);
        Either(rule, "SeekingWorkOrStarting", f.RegisteredUnemployed, nameof(f.RegisteredUnemployed), f.StartingSelfEmployment, nameof(f.StartingSelfEmployment),
            new("已办理失业登记", "Registered unemployed"), new("正在自主创业", "Starting self-employment"),
            new("既未办理失业登记，也不是自主创业", "Neither registered unemployed nor starting self-employment"),
            new("不知道是否已办理失业登记或正在创业", "Whether the person is registered unemployed or starting self-employment is not known"));
        var amount = rule.Number(SchemeCatalog.Key(SchemeCatalog.JobSearch, "Amount"), "Amount");
        return rule.Result(amount, null);
    }

    private static EligibilityResult JobIntroduction(RuleBuilder rule, EligibilityFacts f)
    {
        PoorOrHardship(rule, f);
        Flag(rule, f.PlacedByIntroduction, "PlacedByIntroduction", nameof(f.PlacedByIntroduction),
            new("经职业介绍实现就业", "Placed in the job by a job introduction"), new("不是经职业介绍就业", "Not placed by a job introduction"));
        if (f.ContractStart is not { } start)
        {
            rule.Missing("ContractSigned", nameof(f.ContractStart), new("缺少劳动合同起始日期", "The contract's start date is missing"));
        }
        else
        {
            // The placement is a fact once the contract has started (a contract for a later date is not yet a placement).
            var met = start <= f.ApplicationDate;
            rule.Add("ContractSigned", met, new Dictionary<string, string> { ["contractStart"] = Iso(start) },
                met ? new($"签订劳动合同，{Iso(start)} 起", $"Labour contract from {Iso(start)}")
                    : new($"劳动合同 {Iso(start)} 才开始，申请日尚未就业", $"The labour contract only starts on {Iso(start)}, after the application date"));
        }

        var amount = rule.Number(SchemeCatalog.Key(SchemeCatalog.JobIntroduction, "AmountPerPlacement"), "Amount");
        return rule.Result(amount, null);
    }

    private static EligibilityResult EmployerHiring(RuleBuilder rule, EligibilityFacts f)
    {
        // 001: employers hiring poor laborers; the national rule this extends also counts registered
        // unemployed persons, so either makes the hired person count.
        PoorOrHardship(rule, f, orRegistered: true);
        if (f.ContractStart is not { } start || f.ContractEnd is not { } end)
        {
            rule.Missing("Contract", nameof(f.ContractStart), new("缺少劳动合同起止日期", "The contract's start or end date is missing"));
        }
        else if (rule.Number(SchemeCatalog.Key(SchemeCatalog.EmployerHiring, "MinContractMonths"), "Contract") is { } minMonths)
        {
            // As for years: a contract of 12 months from 2026-01-01 ends on 2026-12-31.
            var met = end.AddDays(1) >= start.AddMonths((int)minMonths);
            var months = MonthsBetween(start, end.AddDays(1));
            rule.Add("Contract", met, new Dictionary<string, string> { ["start"] = Iso(start), ["end"] = Iso(end) },
                new($"劳动合同 {Iso(start)} 至 {Iso(end)}（{months} 个月），{(met ? "达到" : "不足")} {minMonths:0} 个月",
                    $"Contract {Iso(start)} to {Iso(end)} ({months} months), {(met ? "at least" : "under")} {minMonths:0} months"));
        }

        Flag(rule, f.SocialInsurancePaidOnTime, "SocialInsurancePaid", nameof(f.SocialInsurancePaidOnTime),
            new("为其缴纳社会保险费", "Social insurance paid for the person"), new("未为其缴纳社会保险费", "Social insurance not paid for the person"));
        var amount = rule.Number(SchemeCatalog.Key(SchemeCatalog.EmployerHiring, "AmountPerPerson"), "Amount");
        return rule.Result(amount, null);
    }

    private static EligibilityResult TrainingLivingCost(RuleBuilder rule, EligibilityFacts f)
    {
        PoorOrHardship(rule, f);
        var daily = rule.Number(SchemeCatalog.Key(SchemeCatalog.TrainingLivingCost, "DailyAmount"), "Amount");
        var maxDays = rule.Number(SchemeCatalog.Key(SchemeCatalog.TrainingLivingCost, "MaxDays"), "Amount");
        if (f.TrainingDays is not { } days)
        {
            rule.Missing("TrainingAttended", nameof(f.TrainingDays), new("缺少参加培训的天数", "The number of training days attended is missing"));
            return rule.Result();
        }

        rule.Add("TrainingAttended", days > 0, new Dictionary<string, string> { ["trainingDays"] = days.ToString(CultureInfo.InvariantCulture) },
            days > 0 ? new($"参加培训 {days} 天", $"Attended {days} days of training") : new("未参加培训", "Did not attend training"));
        if (daily is not { } perDay || maxDays is not { } cap || days <= 0)
        {
            return rule.Result();
        }

        var paidDays = Math.Min(days, (int)cap);
        rule.Note("Amount", new Dictionary<string, string> { ["paidDays"] = paidDays.ToString(CultureInfo.InvariantCulture), ["dailyAmount"] = Money(perDay) },
            new($"按 {paidDays} 天（最多 {cap:0} 天）× 每天 {Money(perDay)} 元计算", $"{paidDays} days (at most {cap:0}) × {Money(perDay)} yuan a day"));
        return rule.Result(perDay * paidDays, null);
    }

    private static EligibilityResult SelfEmploymentRelief(RuleBuilder rule, EligibilityFacts f)
    {
        // 002 §二.1: laid-off and unemployed persons in individual business are exempt from all
        // administrative, registration and licence fees (and the related taxes for a period).
        Registered(rule, f);
        Flag(rule, f.StartingSelfEmployment, "SelfEmployment", nameof(f.StartingSelfEmployment),
            new("自谋职业、从事个体经营", "Starting self-employment (an individual business)"), new("不是自谋职业或个体经营", "Not starting self-employment"));
        var years = rule.Number(SchemeCatalog.Key(SchemeCatalog.SelfEmploymentRelief, "ReliefYears"), "Duration");
        return rule.Result(null, years is { } y ? (int)(y * 12) : null);
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
            rule.Add(code, true, new Dictionary<string, string> { ["hardshipCertified"] = "True" }, new("已认定为就业困难人员", "Certified as a person in employment hardship"));
        }
        else if (f.LowIncomeHousehold == true)
        {
            rule.Add(code, true, new Dictionary<string, string> { ["lowIncomeHousehold"] = "True" }, new("低收入（贫困）家庭成员", "A member of a low-income (poor) household"));
        }
        else if (orRegistered && f.RegisteredUnemployed == true)
        {
            rule.Add(code, true, new Dictionary<string, string> { ["registeredUnemployed"] = "True" }, new("已办理失业登记", "Registered unemployed"));
        }
        else if (f.HardshipCertified is null || f.LowIncomeHousehold is null || (orRegistered && f.RegisteredUnemployed is null))
        {
            var fact = f.HardshipCertified is null ? nameof(f.HardshipCertified) : f.LowIncomeHousehold is null ? nameof(f.LowIncomeHousehold) : nameof(f.RegisteredUnemployed);
            rule.Missing(code, fact, orRegistered
                ? new("不知道受雇者是否为就业困难人员、低收入（贫困）家庭成员或登记失业人员", "Whether the hired person is in hardship, from a low-income (poor) household or registered unemployed is not known")
                : new("不知道是否为就业困难人员或低收入（贫困）家庭成员", "Whether the person is in hardship or from a low-income (poor) household is not known"));
        }
        else
        {
            var facts = new Dictionary<string, string> { ["hardshipCertified"] = "False", ["lowIncomeHousehold"] = "False" };
            if (orRegistered)
            {
                facts["registeredUnemployed"] = "False";
            }

            rule.Add(code, false, facts, orRegistered
                ? new("受雇者不是就业困难人员、低收入（贫困）家庭成员或登记失业人员", "The hired person is not in hardship, not from a low-income (poor) household and not registered unemployed")
                : new("不是就业困难人员，也不是低收入（贫困）家庭成员", "Neither certified in hardship nor from a low-income (poor) household"));
        }
    }

    /// <summary>Met when either fact is true; unknown when neither is true and one is not known.</summary>
    private static void Either(RuleBuilder rule, string code, bool? first, string firstFact, bool? second, string secondFact, Reason firstYes, Reason secondYes, Reason neither, Reason unknown)
    {
        if (first == true || second == true)
        {
            rule.Add(code, true, new Dictionary<string, string> { [Camel(first == true ? firstFact : secondFact)] = "True" }, first == true ? firstYes : secondYes);
        }
        else if (first is null || second is null)
        {
            rule.Missing(code, first is null ? firstFact : secondFact, unknown);
        }
        else
        {
            rule.Add(code, false, new Dictionary<string, string> { [Camel(firstFact)] = "False", [Camel(secondFact)] = "False" }, neither);
        }
    }

    /// <summary>A rate reaching its minimum (a percentage in force on the date).</summary>
    private static void Rate(RuleBuilder rule, decimal? value, string fact, string minKey, string code, (string Zh, string En) name)
    {
        if (value is not { } rate)
        {
            rule.Missing(code, fact, new($"缺少{name.Zh}", $"The {name.En.ToLowerInvariant()} is missing"));
            return;
        }

        if (rule.Number(minKey, code) is not { } min)
        {
            return;
        }

        var met = rate >= min;
        rule.Add(code, met, new Dictionary<string, string> { [Camel(fact)] = Money(rate), ["min"] = Money(min) },
            new($"{name.Zh} {Money(rate)}%，{(met ? "达到" : "低于")}要求的 {Money(min)}%", $"{name.En} {Money(rate)}%, {(met ? "at least" : "below")} the required {Money(min)}%"));
    }

    /// <summary>The working-age and retirement numbers of a schedule are in force (reported as not set when asked to).</summary>
    private static bool RetirementNumbersSet(RuleBuilder rule, RetirementSchedule schedule, bool report)
    {
        string[] keys = [ParameterKeys.WorkingAgeMinimumYears, ParameterKeys.RetirementBaseYears(schedule), ParameterKeys.RetirementMaxDelayMonths(schedule)];
        return report
            ? keys.Select(k => rule.Number(k, "WorkingAge")).ToList().TrueForAll(v => v is not null)
            : keys.All(k => rule.Parameters.TryValueOn(k, rule.PersonOn) is not null);
    }

    private static string Camel(string fact) => char.ToLowerInvariant(fact[0]) + fact[1..];

    private static void Contract(RuleBuilder rule, EligibilityFacts f, string minYearsKey)
    {
        if (f.ContractStart is not { } start || f.ContractEnd is not { } end)
        {
            rule.Missing("Contract", nameof(f.ContractStart), new("缺少劳动合同起止日期", "The contract's start or end date is missing"));
            return;
        }

        if (rule.Number(minYearsKey, "Contract") is not { } minYears)
        {
            return;
        }

        // A contract "of three years" from 2026-01-01 ends on 2028-12-31: its last day counts.
        var met = end.AddDays(1) >= start.AddYears((int)minYears);
        var months = MonthsBetween(start, end.AddDays(1));
        rule.Add("Contract", met, new Dictionary<string, string> { ["start"] = Iso(start), ["end"] = Iso(end) },
            new($"劳动合同 {Iso(start)} 至 {Iso(end)}（{months / 12} 年 {months % 12} 个月），{(met ? "达到" : "不足")} {minYears:0} 年",
                $"Contract {Iso(start)} to {Iso(end)} ({months / 12} years {months % 12} months), {(met ? "at least" : "under")} {minYears:0} years"));
    }

    private static void Flag(RuleBuilder rule, bool? value, string code, string fact, Reason yes, Reason no)
    {
        if (value is not { } known)
        {
            rule.Missing(code, fact, new($"缺少：{yes.Zh}？", $"Not known: {yes.En}?"));
            return;
        }

        rule.Add(code, known, new Dictionary<string, string> { [char.ToLowerInvariant(fact[0]) + fact[1..]] = known.ToString() }, known ? yes : no);
    }

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

        /// <summary>That date as the explanations name it.</summary>
        public string DateZh => judgedAt == JudgedAt.Hire && personOn != on ? $"入职（合同起始）日 {Iso(personOn)} " : "申请日";

        public string DateEn => judgedAt == JudgedAt.Hire && personOn != on ? $"when hired (contract start {Iso(personOn)})" : "on the application date";

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

        /// <summary>A number in force on the date; a missing one makes the criterion unknown (the county has not set it).</summary>
        public decimal? Number(string key, string criterion)
        {
            var value = parameters.TryValueOn(key, on);
            if (value is null)
            {
                Missing(criterion, key, new($"政策参数 {key} 在 {Iso(on)} 尚未设定", $"Policy number {key} is not set on {Iso(on)}"));
            }

            return value;
        }

        public EligibilityResult Result(decimal? amount = null, int? months = null)
        {
            var decision = _criteria.Any(c => c.Outcome == Outcome.NotMet) ? Decision.NotEligible
                : _criteria.Any(c => c.Outcome == Outcome.Unknown) ? Decision.CannotTell
                : Decision.Eligible;
            return new EligibilityResult(code, on, personOn, decision, _criteria, _missing.Distinct().ToList(),
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

/// <summary>A hardship category a person may be certified in; its code is the rule that checks it.</summary>
public sealed record HardshipCategory(string Code, string NameZh, string NameEn)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}
