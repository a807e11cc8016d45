using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Subsidies;

namespace EmploymentPortal.Domain.Tests;

/// <summary>
/// Issue 13's findings as tables, written from the sources: working age (《劳动法》第十五条; the 2024
/// decision on the gradual retirement age, 附件), the date each condition is judged at (002 §二.3 and
/// 003 §三: the person as hired), the social-insurance subsidy to retirement (国发〔2015〕23号: "距法定退休
/// 年龄不足 5 年的就业困难人员", strictly less, hardship only) and certification per category.
/// Retirement dates are worked out by hand in the comments.
/// </summary>
public sealed class PolicyFindingsTests
{
    private static readonly DateOnly On = new(2026, 12, 4);
    private static readonly IReadOnlySet<string> None = new HashSet<string>();
    private static readonly IReadOnlySet<string> Only4050 = new HashSet<string> { EligibilityRules.Hardship4050 };
    private static readonly IReadOnlySet<string> OnlyZeroEmployment = new HashSet<string> { EligibilityRules.HardshipZeroEmployment };

    private static EligibilityFacts Person(DateOnly birth, Sex sex, DateOnly? on = null) => new()
    {
        ApplicationDate = on ?? On,
        BirthDate = birth,
        Sex = sex,
        LaborCapacity = LaborCapacity.Full,
        WantsWork = true,
        RegisteredUnemployed = true,
        CertifiedCategories = None,
        HardshipCertified = false,
        LowIncomeHousehold = false,
        StartingSelfEmployment = true,
        RequestedLoanAmount = 100_000m,
        RequestedLoanTermMonths = 24,
    };

    private static EligibilityFacts Hired(DateOnly birth, Sex sex, DateOnly start) => Person(birth, sex) with
    {
        ContractStart = start,
        ContractEnd = start.AddYears(3).AddDays(-1),
        SocialInsurancePaidOnTime = true,
        NewCommunityServiceProject = true,
    };

    // Finding 1: working age. A 9-year-old, a man past his reformed retirement date (born
    // 1966-06-15: 17 birth months after 1965-01, so 17 / 4 + 1 = 5 months' delay, retiring at
    // 60 years 5 months on 2026-11-15) and someone of 146 are outside it for every scheme.
    public static TheoryData<string, DateOnly, Sex, bool> WorkingAgeCases => new()
    {
        { "9-year-old", new DateOnly(2017, 3, 1), Sex.Male, false },
        { "16 today", new DateOnly(2010, 12, 4), Sex.Female, true },
        { "16 tomorrow", new DateOnly(2010, 12, 5), Sex.Female, false },
        { "man born 1966-06-15, retired on 2026-11-15", new DateOnly(1966, 6, 15), Sex.Male, false },
        { "man born 1967-01-10, retires on 2027-08-10 (24 months → 7 months' delay)", new DateOnly(1967, 1, 10), Sex.Male, true },
        { "146-year-old", new DateOnly(1880, 5, 5), Sex.Male, false },
        { "woman worker born 1976-05-01 (16 months → 9 months' delay: retires 2027-02-01)", new DateOnly(1976, 5, 1), Sex.Female, true },
        { "woman worker born 1975-02-01 (1 month → 1 month's delay: retired 2025-03-01)", new DateOnly(1975, 2, 1), Sex.Female, false },
    };

    [Theory]
    [MemberData(nameof(WorkingAgeCases))]
    public void EveryScheme_OutsideWorkingAge_IsNotEligible(string name, DateOnly birth, Sex sex, bool within)
    {
        foreach (var code in EligibilityRules.Implemented)
        {
            var result = EligibilityRules.Evaluate(Person(birth, sex), code, TestParameters.Local);
            var criterion = result.Criteria.Single(c => c.Code == "WorkingAge");
            criterion.Outcome.Should().Be(within ? Outcome.Met : Outcome.NotMet, $"{name}, {code}");
            if (!within)
            {
                result.Decision.Should().Be(Decision.NotEligible, $"{name}, {code}");
            }
        }
    }

    // The ledger's 4050 filter stands "not yet retired" for a birth-date bound: the first birth date still working.
    [Theory]
    [InlineData(RetirementSchedule.Male, "2026-06-15")]
    [InlineData(RetirementSchedule.FemaleWorker, "2026-12-04")]
    [InlineData(RetirementSchedule.FemaleCadre, "2027-03-01")]
    [InlineData(RetirementSchedule.Male, "2040-02-29")]
    public void EarliestNotRetiredBirthDate_IsTheBoundary(RetirementSchedule schedule, string date)
    {
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var first = WorkingAge.EarliestNotRetiredBirthDate(schedule, on, TestParameters.National);

        WorkingAge.RetirementDate(first, schedule, on, TestParameters.National).Should().BeAfter(on);
        WorkingAge.RetirementDate(first.AddDays(-1), schedule, on, TestParameters.National).Should().BeOnOrBefore(on);
    }

    [Fact]
    public void WorkingAge_Retired_SaysTheRetirementDate()
    {
        var result = EligibilityRules.Evaluate(Person(new DateOnly(1966, 6, 15), Sex.Male), EligibilityRules.Hardship4050, TestParameters.National);

        result.Decision.Should().Be(Decision.NotEligible);
        var reason = result.Criteria.Single(c => c.Code == "WorkingAge").Reason;
        reason.Code.Should().Be("WorkingAge.Retired");
        reason.Args["retirement"].Should().Be(new DateArg(new DateOnly(2026, 11, 15)));
    }

    [Fact]
    public void WorkingAge_WomanCadre_RetiresOnTheCadreSchedule()
    {
        // Born 1972-01-20: 24 birth months after 1970-01 → 24 / 4 + 1 = 7 months' delay on the cadre
        // schedule (55): 2027-08-20. On the worker schedule (50; 1972 is before 1975-01): 2022-01-20.
        var birth = new DateOnly(1972, 1, 20);
        WorkingAge.RetirementDate(birth, RetirementSchedule.FemaleCadre, On, TestParameters.National).Should().Be(new DateOnly(2027, 8, 20));
        WorkingAge.RetirementDate(birth, RetirementSchedule.FemaleWorker, On, TestParameters.National).Should().Be(new DateOnly(2022, 1, 20));

        var worker = EligibilityRules.Evaluate(Person(birth, Sex.Female), EligibilityRules.Hardship4050, TestParameters.National);
        var cadre = EligibilityRules.Evaluate(Person(birth, Sex.Female) with { RetirementSchedule = RetirementSchedule.FemaleCadre }, EligibilityRules.Hardship4050, TestParameters.National);
        worker.Decision.Should().Be(Decision.NotEligible);
        cadre.Decision.Should().Be(Decision.Eligible);
    }

    // Finding 2: a scheme that rewards a hire judges the person as hired. Registered unemployed
    // until the hire (the registration ended by it), then applied for later: eligible.
    [Theory]
    [InlineData(SchemeCatalog.SocialInsurance, JudgedAt.Hire)]
    [InlineData(SchemeCatalog.CommunityJobDevelopment, JudgedAt.Hire)]
    [InlineData(SchemeCatalog.EmployerHiring, JudgedAt.Hire)]
    [InlineData(SchemeCatalog.JobIntroduction, JudgedAt.Hire)]
    [InlineData(SchemeCatalog.PostSubsidy, JudgedAt.Hire)]
    [InlineData(SchemeCatalog.SmallLoan, JudgedAt.Application)]
    [InlineData(SchemeCatalog.SelfEmploymentRelief, JudgedAt.Application)]
    [InlineData(EligibilityRules.Hardship4050, JudgedAt.Application)]
    public void JudgedAt_PerScheme(string scheme, JudgedAt expected) =>
        EligibilityRules.JudgedAtOf(scheme).Should().Be(expected);

    [Fact]
    public void PersonDateFor_Hire_IsTheContractStart_ElseTheApplicationDate()
    {
        var start = new DateOnly(2026, 9, 1);
        EligibilityRules.PersonDateFor(SchemeCatalog.SocialInsurance, On, start).Should().Be(start);
        EligibilityRules.PersonDateFor(SchemeCatalog.SocialInsurance, On, null).Should().Be(On);
        EligibilityRules.PersonDateFor(SchemeCatalog.SmallLoan, On, start).Should().Be(On);
    }

    [Fact]
    public void SocialInsurance_RegisteredWhenHired_ExplainsTheHireDate()
    {
        var start = new DateOnly(2026, 9, 1);
        var facts = Hired(new DateOnly(1985, 5, 5), Sex.Male, start) with { PersonDate = start };

        var result = EligibilityRules.Evaluate(facts, SchemeCatalog.SocialInsurance, TestParameters.National);

        result.Decision.Should().Be(Decision.Eligible);
        result.PersonOn.Should().Be(start);
        result.JudgedAt.Should().Be(JudgedAt.Hire);
        result.Criteria.Single(c => c.Code == "RegisteredUnemployed").Reason.Should().Be(Reason.Of("RegisteredUnemployed.Met", ("on", new JudgedOnArg(JudgedAt.Hire, start))));
    }

    // Finding 4: a man born 1970-03-10 retires at 61 years 4 months (62 birth months after
    // 1965-01: 62 / 4 + 1 = 16 months) on 2031-07-10. "不足 5 年" is strictly less than five years
    // before that: a contract from 2026-07-11 on; and only for a person certified in hardship.
    public static TheoryData<string, DateOnly, bool, int> NearRetirementCases => new()
    {
        { "exactly 5 years before, hardship", new DateOnly(2026, 7, 10), true, 36 },
        { "5 years and 1 day before, hardship", new DateOnly(2026, 7, 9), true, 36 },
        { "5 years less 1 day before, hardship: to retirement", new DateOnly(2026, 7, 11), true, 59 },
        { "5 years less 1 day before, not certified", new DateOnly(2026, 7, 11), false, 36 },
        { "2 years before, not certified: ends at retirement", new DateOnly(2029, 7, 10), false, 24 },
    };

    [Theory]
    [MemberData(nameof(NearRetirementCases))]
    public void SocialInsurance_NearRetirement_ExtendedOnlyStrictlyUnderFiveYearsAndForHardship(string name, DateOnly start, bool hardship, int months)
    {
        var facts = Hired(new DateOnly(1970, 3, 10), Sex.Male, start) with
        {
            ApplicationDate = start,
            HardshipCertified = hardship,
            CertifiedCategories = hardship ? Only4050 : None,
        };

        var result = EligibilityRules.Evaluate(facts, SchemeCatalog.SocialInsurance, TestParameters.National);

        result.Decision.Should().Be(Decision.Eligible, name);
        result.DurationMonths.Should().Be(months, name);
    }

    // Finding 5: certification per category. A zero-employment-household certification does not
    // make a 4050 person of the post subsidy (002 §二.4: the post subsidy is for certified 4050 persons).
    [Fact]
    public void PostSubsidy_CertifiedInAnotherCategory_IsNotCertifiedAs4050()
    {
        var placed = Person(new DateOnly(1970, 1, 1), Sex.Male) with { PublicWelfarePost = true, ContractStart = On };

        var other = EligibilityRules.Evaluate(placed with { HardshipCertified = true, CertifiedCategories = OnlyZeroEmployment }, SchemeCatalog.PostSubsidy, TestParameters.Local);
        var right = EligibilityRules.Evaluate(placed with { HardshipCertified = true, CertifiedCategories = Only4050 }, SchemeCatalog.PostSubsidy, TestParameters.Local);

        other.Criteria.Single(c => c.Code == "HardshipCertified").Outcome.Should().Be(Outcome.NotMet);
        other.Decision.Should().Be(Decision.NotEligible);
        right.Criteria.Single(c => c.Code == "HardshipCertified").Outcome.Should().Be(Outcome.Met);
    }

    [Fact]
    public void Certification_ValidFromApplicationDateUntilRetirement()
    {
        var check = EligibilityRules.Evaluate(Person(new DateOnly(1975, 1, 1), Sex.Male), EligibilityRules.Hardship4050, TestParameters.National);
        var certification = HardshipCertification.Request(Guid.NewGuid(), "370702001001", check, null, Guid.NewGuid(), "community1", DateTimeOffset.UnixEpoch);

        certification.Decide(true, null, new DateOnly(2036, 5, 1), Guid.NewGuid(), "county1", DateTimeOffset.UnixEpoch);

        certification.IsValidOn(On.AddDays(-1)).Should().BeFalse("it holds from the application date");
        certification.IsValidOn(On).Should().BeTrue();
        certification.IsValidOn(new DateOnly(2036, 4, 30)).Should().BeTrue();
        certification.IsValidOn(new DateOnly(2036, 5, 1)).Should().BeFalse("the 4050 status ends at retirement age");
    }

    // Finding 6: a request against a check that does not say "eligible" needs a reason.
    [Fact]
    public void Certification_AgainstANotEligibleCheck_NeedsAReason()
    {
        var check = EligibilityRules.Evaluate(Person(new DateOnly(1990, 1, 1), Sex.Male), EligibilityRules.Hardship4050, TestParameters.National);
        check.Decision.Should().Be(Decision.NotEligible);

        var act = () => HardshipCertification.Request(Guid.NewGuid(), "370702001001", check, "  ", null, "community1", DateTimeOffset.UnixEpoch);
        act.Should().Throw<EligibilityException>().WithMessage("Certification.OverrideRequired");
        HardshipCertification.Request(Guid.NewGuid(), "370702001001", check, "户籍年龄有误，已核实", null, "community1", DateTimeOffset.UnixEpoch)
            .OverrideReason.Should().Be("户籍年龄有误，已核实");
    }

    // Finding 8: explanations that say what failed.
    [Theory]
    [InlineData(LaborCapacity.None, true, "CapableAndWilling.NotAble")]
    [InlineData(LaborCapacity.Full, false, "CapableAndWilling.NotWilling")]
    [InlineData(LaborCapacity.None, false, "CapableAndWilling.Neither")]
    [InlineData(LaborCapacity.Partial, true, "CapableAndWilling.Met")]
    public void CapableAndWilling_SaysWhichFailed(LaborCapacity capacity, bool wants, string reason)
    {
        var result = EligibilityRules.Evaluate(Person(new DateOnly(1975, 1, 1), Sex.Male) with { LaborCapacity = capacity, WantsWork = wants }, EligibilityRules.Hardship4050, TestParameters.National);

        result.Criteria.Single(c => c.Code == "CapableAndWilling").Reason.Code.Should().Be(reason);
    }

    [Fact]
    public void SmallLoan_ZeroAmount_IsNotCalledAboveTheMaximum()
    {
        var result = EligibilityRules.Evaluate(Person(new DateOnly(1985, 5, 5), Sex.Female) with { RequestedLoanAmount = 0m }, SchemeCatalog.SmallLoan, TestParameters.National);

        var loan = result.Criteria.Single(c => c.Code == "LoanAmount");
        loan.Outcome.Should().Be(Outcome.NotMet);
        loan.Reason.Should().Be(Reason.Of("LoanAmount.NotPositive", ("requested", new AmountArg(0m))));
    }

    [Fact]
    public void ApplicationFacts_ContractEndingBeforeItStarts_IsAFormError()
    {
        var registry = Person(new DateOnly(1985, 5, 5), Sex.Male);
        var (facts, invalid) = ApplicationFacts.Apply(SchemeCatalog.SocialInsurance, registry, new Dictionary<string, string?>
        {
            [nameof(EligibilityFacts.ContractStart)] = "2026-09-01",
            [nameof(EligibilityFacts.ContractEnd)] = "2026-08-31",
        });

        invalid.Should().Equal(nameof(EligibilityFacts.ContractEnd));
        facts.ContractEnd.Should().BeNull();
    }
}
