namespace EmploymentPortal.Domain.Subsidies;

/// <summary>Who a scheme pays or relieves.</summary>
public enum Beneficiary
{
    Person = 1,
    Employer = 2,
    Investor = 3,
    TrainingInstitution = 4,
}

/// <summary>The approval path: the small loan's five steps (003 §四(一)) or community → street → county.</summary>
public enum SchemeWorkflow
{
    SmallLoan = 1,
    Standard = 2,
}

public enum ParameterUnit
{
    Yuan = 1,
    Months = 2,
    Years = 3,
    Percent = 4,
    Days = 5,
}

/// <summary>One number a scheme's rule reads; its versions are rows of <c>policy_parameters</c> under <see cref="Key"/>.</summary>
public sealed record SchemeParameter(string SchemeCode, string Name, ParameterUnit Unit)
{
    public string Key => $"Scheme.{SchemeCode}.{Name}";
}

/// <summary>
/// A subsidy scheme: its code, names, the source it implements, who it serves, its workflow and
/// the numbers its rule reads. The rule is code, so the scheme is defined next to it; the numbers
/// are data with effective dates (<see cref="Policies.PolicyParameter"/>).
/// </summary>
public sealed record SchemeDefinition(
    string Code,
    string NameZh,
    string NameEn,
    string Source,
    Beneficiary Beneficiary,
    SchemeWorkflow Workflow,
    IReadOnlyList<SchemeParameter> Parameters)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

/// <summary>The schemes of policy-rules.md, in one place.</summary>
public static class SchemeCatalog
{
    public const string SmallLoan = nameof(SmallLoan);
    public const string CommunityJobDevelopment = nameof(CommunityJobDevelopment);
    public const string SocialInsurance = nameof(SocialInsurance);
    public const string PostSubsidy = nameof(PostSubsidy);
    public const string Training = nameof(Training);
    public const string JobSearch = nameof(JobSearch);
    public const string JobIntroduction = nameof(JobIntroduction);
    public const string EmployerHiring = nameof(EmployerHiring);
    public const string TrainingLivingCost = nameof(TrainingLivingCost);
    public const string SelfEmploymentRelief = nameof(SelfEmploymentRelief);

    public static IReadOnlyList<SchemeDefinition> All { get; } =
    [
        Scheme(SmallLoan, "小额担保贷款（创业担保贷款）", "Guaranteed business loan", "003 §四(一); 002 §二.2", Beneficiary.Person, SchemeWorkflow.SmallLoan,
            ("MaxAmount", ParameterUnit.Yuan), ("MaxTermYears", ParameterUnit.Years)),
        Scheme(CommunityJobDevelopment, "社区就业岗位开发补贴", "Community job-development subsidy", "003 §四(二)", Beneficiary.Investor, SchemeWorkflow.Standard,
            ("AmountPerPerson", ParameterUnit.Yuan), ("MinContractYears", ParameterUnit.Years)),
        Scheme(SocialInsurance, "社会保险补贴", "Social insurance subsidy", "002 §二.3, §二.4", Beneficiary.Employer, SchemeWorkflow.Standard,
            ("MaxYears", ParameterUnit.Years), ("MinContractYears", ParameterUnit.Years), ("NearRetirementYears", ParameterUnit.Years)),
        Scheme(PostSubsidy, "公益性岗位补贴", "Public-welfare post subsidy", "002 §二.4, §四(二)", Beneficiary.Person, SchemeWorkflow.Standard,
            ("MonthlyAmount", ParameterUnit.Yuan), ("MaxYears", ParameterUnit.Years)),
        Scheme(Training, "职业培训补贴", "Vocational training subsidy", "002 §三(三)1", Beneficiary.TrainingInstitution, SchemeWorkflow.Standard,
            ("AmountPerTrainee", ParameterUnit.Yuan), ("MinPassRate", ParameterUnit.Percent), ("MinReemploymentRate", ParameterUnit.Percent)),
        Scheme(JobSearch, "一次性求职创业补贴", "One-off job-search and start-up subsidy", "001 (山东)", Beneficiary.Person, SchemeWorkflow.Standard,
            ("Amount", ParameterUnit.Yuan)),
        Scheme(JobIntroduction, "职业介绍补贴", "Job-introduction subsidy", "001 (山东)", Beneficiary.Person, SchemeWorkflow.Standard,
            ("AmountPerPlacement", ParameterUnit.Yuan)),
        Scheme(EmployerHiring, "一次性吸纳就业补贴", "Employer one-off hiring subsidy", "001 (山东)", Beneficiary.Employer, SchemeWorkflow.Standard,
            ("AmountPerPerson", ParameterUnit.Yuan), ("MinContractMonths", ParameterUnit.Months)),
        Scheme(TrainingLivingCost, "培训期间生活费补贴", "Training living-cost subsidy", "001 (山东)", Beneficiary.Person, SchemeWorkflow.Standard,
            ("DailyAmount", ParameterUnit.Yuan), ("MaxDays", ParameterUnit.Days)),
        Scheme(SelfEmploymentRelief, "自谋职业税费减免", "Fee and tax relief for self-employment", "002 §二.1", Beneficiary.Person, SchemeWorkflow.Standard,
            ("ReliefYears", ParameterUnit.Years)),
    ];

    /// <summary>The parameter key of a scheme's number (throws for a name the scheme does not read).</summary>
    public static string Key(string scheme, string name) => Find(scheme)!.Parameters.Single(p => p.Name == name).Key;

    public static SchemeDefinition? Find(string? code) => All.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    private static SchemeDefinition Scheme(string code, string zh, string en, string source, Beneficiary beneficiary, SchemeWorkflow workflow, params (string Name, ParameterUnit Unit)[] parameters) =>
        new(code, zh, en, source, beneficiary, workflow, parameters.Select(p => new SchemeParameter(code, p.Name, p.Unit)).ToList());
}
