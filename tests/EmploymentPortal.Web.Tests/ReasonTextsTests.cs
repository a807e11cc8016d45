using System.Globalization;
using CsCheck;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.Web.Localization;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// Explanations as data (issue 13, build 5): every reason a rule gives is worded from the JSON
/// texts in both languages, with its typed arguments formatted as people write them. The
/// parameters here are test data with sources, a subset of the seeded versions (SchemeParameterSeed).
/// </summary>
public sealed class ReasonTextsTests
{
    private static readonly CultureInfo Zh = new("zh-CN");
    private static readonly CultureInfo En = new("en-US");
    private static readonly ReasonTexts Reasons = new(new JsonTexts());
    private static readonly DateOnly Old = new(1978, 6, 2);

    private static readonly PolicyParameterSet Parameters = new(new ParameterVersion[]
    {
        new(ParameterKeys.WorkingAgeMinimumYears, Old, 16m, "《劳动法》第十五条"),
        new(ParameterKeys.RetirementBaseYears(RetirementSchedule.Male), Old, 60m, "国发〔1978〕104号"),
        new(ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.Male), Old, 0m, "国发〔1978〕104号"),
        new(ParameterKeys.RetirementBaseYears(RetirementSchedule.FemaleWorker), Old, 50m, "国发〔1978〕104号"),
        new(ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleWorker), Old, 0m, "国发〔1978〕104号"),
        new(ParameterKeys.RetirementBaseYears(RetirementSchedule.FemaleCadre), Old, 55m, "国发〔1978〕104号"),
        new(ParameterKeys.RetirementMaxDelayMonths(RetirementSchedule.FemaleCadre), Old, 0m, "国发〔1978〕104号"),
        new(ParameterKeys.HardshipWomenMinAge, Old, 40m, "002 §二.4"),
        new(ParameterKeys.HardshipMenMinAge, Old, 50m, "002 §二.4"),
        new("Scheme.SmallLoan.MaxAmount", new DateOnly(2003, 6, 3), 20_000m, "003 §四(一)"),
        new("Scheme.SmallLoan.MaxTermYears", new DateOnly(2003, 6, 3), 2m, "003 §四(一)"),
        new("Scheme.SmallLoan.MaxAmount", new DateOnly(2020, 1, 1), 200_000m, "财金〔2020〕21号"),
        new("Scheme.SmallLoan.MaxTermYears", new DateOnly(2020, 1, 1), 3m, "财金〔2020〕21号"),
        new("Scheme.CommunityJobDevelopment.AmountPerPerson", new DateOnly(2003, 6, 3), 500m, "003 §四(二)"),
        new("Scheme.CommunityJobDevelopment.MinContractYears", new DateOnly(2003, 6, 3), 3m, "003 §四(二)"),
        new("Scheme.SocialInsurance.MaxYears", new DateOnly(2002, 9, 30), 3m, "002 §二.3"),
        new("Scheme.SocialInsurance.MinContractYears", new DateOnly(2002, 9, 30), 3m, "002 §二.3"),
        new("Scheme.SocialInsurance.NearRetirementYears", new DateOnly(2015, 4, 27), 5m, "国发〔2015〕23号"),
        new("Scheme.Training.MinPassRate", new DateOnly(2020, 1, 1), 80m, "test county"),
        new("Scheme.TrainingLivingCost.DailyAmount", new DateOnly(2020, 1, 1), 50m, "test county"),
        new("Scheme.TrainingLivingCost.MaxDays", new DateOnly(2020, 1, 1), 60m, "test county"),
        new("Scheme.EmployerHiring.MinContractMonths", new DateOnly(2020, 1, 1), 12m, "test county"),
    });

    private static readonly Gen<bool?> Maybe = Gen.Int[0, 2].Select(i => i switch { 0 => (bool?)null, 1 => true, _ => false });

    private static readonly Gen<EligibilityFacts> Facts =
        Gen.Select(Gen.Int[-3000, 40000].Nullable(), Gen.Enum<Sex>().Nullable(), Gen.Enum<LaborCapacity>().Nullable(), Maybe, Maybe, Maybe, Gen.Int[-400, 2000].Nullable(), Gen.Int[-100, 2000].Nullable())
        .Select(Maybe, Maybe, Maybe, Gen.Decimal[-1000m, 400_000m].Nullable(), Gen.Int[-5, 60].Nullable(), Gen.Int[0, 100].Nullable(), Gen.Int[0, 120].Nullable(), (a, b, c, d, e, f, g, h) =>
        {
            var (daysOld, sex, capacity, wants, registered, certified, startAgo, length) = a;
            var on = new DateOnly(2026, 12, 4);
            return new EligibilityFacts
            {
                ApplicationDate = on,
                BirthDate = daysOld is { } days ? on.AddDays(-days) : null,
                Sex = sex,
                LaborCapacity = capacity,
                WantsWork = wants,
                RegisteredUnemployed = registered,
                HardshipCertified = certified,
                CertifiedCategories = certified is null ? null : certified.Value ? new HashSet<string> { EligibilityRules.Hardship4050 } : new HashSet<string>(),
                ContractStart = startAgo is { } ago ? on.AddDays(-ago) : null,
                ContractEnd = startAgo is { } ago2 && length is { } l ? on.AddDays(-ago2 + l) : null,
                StartingSelfEmployment = b,
                PublicWelfarePost = c,
                LowIncomeHousehold = d,
                RequestedLoanAmount = e,
                RequestedLoanTermMonths = f,
                PassRatePercent = g,
                TrainingDays = h,
                ZeroEmploymentHousehold = b,
                SocialInsurancePaidOnTime = c,
                NewCommunityServiceProject = d,
                TrainingFree = b,
                PlacedByIntroduction = c,
            };
        });

    [Fact]
    public void EveryReason_AnyFacts_IsWordedInBothLanguages_WithNothingLeftRaw()
    {
        Facts.Sample(facts =>
        {
            foreach (var code in EligibilityRules.Implemented)
            {
                foreach (var criterion in EligibilityRules.Evaluate(facts, code, Parameters).Criteria)
                {
                    foreach (var culture in new[] { Zh, En })
                    {
                        var text = Reasons.Format(criterion.Reason, culture);
                        text.Should().NotContainAny(["{", "}", "Reason.", "Parameter.", "Category.", "Fact.", "Scheme."], $"{code} {criterion.Reason.Code} in {culture} is worded whole: {text}");
                        text.Should().NotBeNullOrWhiteSpace();
                    }
                }
            }
        }, iter: 400);
    }

    [Fact]
    public void Hardship_ManOneMonthShort_ReadsInBothLanguages()
    {
        var facts = new EligibilityFacts { ApplicationDate = new DateOnly(2026, 11, 23), BirthDate = new DateOnly(1976, 12, 10), Sex = Sex.Male, LaborCapacity = LaborCapacity.Full, WantsWork = true, RegisteredUnemployed = true };

        var age = EligibilityRules.Evaluate(facts, EligibilityRules.Hardship4050, Parameters).Criteria.Single(c => c.Code == "Age4050").Reason;

        Reasons.Format(age, Zh).Should().Be("男性，申请日年龄 49 岁 11 个月，不满 50 周岁");
        Reasons.Format(age, En).Should().Be("Man, aged 49 years 11 months on the application date, under 50");
        ReasonTexts.Numbers(age).Should().ContainSingle().Which.Source.Should().Be("002 §二.4", "the number's version names its source");
    }

    [Fact]
    public void SmallLoan_AboveTheMaximum_WritesAmountsAsPeopleDo_AndNamesTheVersionInForce()
    {
        var facts = new EligibilityFacts { ApplicationDate = new DateOnly(2026, 12, 4), RequestedLoanAmount = 500_000m, RequestedLoanTermMonths = 36 };

        var reason = EligibilityRules.Evaluate(facts, SchemeCatalog.SmallLoan, Parameters).Criteria.Single(c => c.Code == "LoanAmount").Reason;

        Reasons.Format(reason, Zh).Should().Be("申请 50 万元，超过最高额度 20 万元");
        Reasons.Format(reason, En).Should().Be("Requested 500,000 yuan, above the maximum of 200,000 yuan");
        ReasonTexts.Numbers(reason).Should().ContainSingle().Which.Should().Match<NumberArg>(n => n.Source == "财金〔2020〕21号" && n.EffectiveFrom == new DateOnly(2020, 1, 1));
    }

    [Fact]
    public void SmallLoan_ZeroAmount_SaysTheAmountMustBePositive()
    {
        var facts = new EligibilityFacts { ApplicationDate = new DateOnly(2026, 12, 4), RequestedLoanAmount = 0m };

        var reason = EligibilityRules.Evaluate(facts, SchemeCatalog.SmallLoan, Parameters).Criteria.Single(c => c.Code == "LoanAmount").Reason;

        Reasons.Format(reason, Zh).Should().Be("申请金额须大于 0 元（填写的是 0 元）").And.NotContain("超过");
    }

    [Fact]
    public void NumberNotSet_NamesTheNumber_NotItsKey()
    {
        var facts = new EligibilityFacts { ApplicationDate = new DateOnly(2026, 12, 4), CertifiedCategories = new HashSet<string> { EligibilityRules.Hardship4050 }, PublicWelfarePost = true };

        var texts = EligibilityRules.Evaluate(facts, SchemeCatalog.PostSubsidy, Parameters).Criteria
            .Where(c => c.Reason.Code == EligibilityRules.NumberNotSet).Select(c => Reasons.Format(c.Reason, Zh)).ToList();

        texts.Should().Contain("政策参数“每月补贴”在 2026-12-04 尚未设定（由区县设定后才能判断）");
        texts.Should().NotContain(t => t.Contains("Scheme.", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_EndingBeforeItStarts_IsNamedSo_NotZeroYears()
    {
        var facts = new EligibilityFacts { ApplicationDate = new DateOnly(2026, 12, 4), ContractStart = new DateOnly(2026, 9, 1), ContractEnd = new DateOnly(2026, 8, 31) };

        var contract = EligibilityRules.Evaluate(facts, SchemeCatalog.SocialInsurance, Parameters).Criteria.Single(c => c.Code == "Contract");

        contract.Outcome.Should().Be(Outcome.NotMet);
        Reasons.Format(contract.Reason, Zh).Should().Be("劳动合同终止日期 2026-08-31 早于起始日期 2026-09-01，请核对合同").And.NotContain("0 年 0 个月");
    }

    [Theory]
    [InlineData(200_000, "20 万元", "200,000 yuan")]
    [InlineData(20_000, "2 万元", "20,000 yuan")]
    [InlineData(25_000, "2.5 万元", "25,000 yuan")]
    [InlineData(12_345, "12,345 元", "12,345 yuan")]
    [InlineData(1_500, "1,500 元", "1,500 yuan")]
    [InlineData(500, "500 元", "500 yuan")]
    [InlineData(0, "0 元", "0 yuan")]
    public void Yuan_IsWrittenAsPeopleWriteIt(int yuan, string zh, string en)
    {
        Reasons.Yuan(yuan, Zh).Should().Be(zh);
        Reasons.Yuan(yuan, En).Should().Be(en);
    }

    [Fact]
    public void StoredReason_BeforeReasonsWereData_ReadsAsWritten()
    {
        var legacy = Reason.Of(ReasonTexts.LegacyCode, ("text", new LegacyArg("有劳动能力和就业愿望", "Able and wishing to work")));

        Reasons.Format(legacy, Zh).Should().Be("有劳动能力和就业愿望");
        Reasons.Format(legacy, En).Should().Be("Able and wishing to work");
    }
}
