using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Tests;

/// <summary>The eligibility rules as a table of cases: birthdays to the day, contracts to the day, versions switching on their date, missing facts.</summary>
public sealed class EligibilityTests
{
    private static readonly DateOnly On = new(2026, 11, 23);

    private static EligibilityFacts Person(DateOnly birth, Sex sex, DateOnly? on = null) => new()
    {
        ApplicationDate = on ?? On,
        BirthDate = birth,
        Sex = sex,
        LaborCapacity = LaborCapacity.Full,
        WantsWork = true,
        RegisteredUnemployed = true,
    };

    private static EligibilityFacts Hired(DateOnly start, DateOnly end) => Person(new DateOnly(1985, 5, 5), Sex.Male) with
    {
        ContractStart = start,
        ContractEnd = end,
        SocialInsurancePaidOnTime = true,
        NewCommunityServiceProject = true,
    };

    public static TheoryData<string, EligibilityFacts, string, Decision> Cases => new()
    {
        // 4050: women from 40, men from 50, to the day of the application date.
        { "woman 40 today", Person(new DateOnly(1986, 11, 23), Sex.Female), EligibilityRules.Hardship4050, Decision.Eligible },
        { "woman 40 tomorrow", Person(new DateOnly(1986, 11, 24), Sex.Female), EligibilityRules.Hardship4050, Decision.NotEligible },
        { "woman 39y11m", Person(new DateOnly(1986, 12, 23), Sex.Female), EligibilityRules.Hardship4050, Decision.NotEligible },
        { "woman 45", Person(new DateOnly(1981, 3, 1), Sex.Female), EligibilityRules.Hardship4050, Decision.Eligible },
        { "man 50 today", Person(new DateOnly(1976, 11, 23), Sex.Male), EligibilityRules.Hardship4050, Decision.Eligible },
        { "man 49y11m", Person(new DateOnly(1976, 12, 23), Sex.Male), EligibilityRules.Hardship4050, Decision.NotEligible },
        { "man 50 tomorrow", Person(new DateOnly(1976, 11, 24), Sex.Male), EligibilityRules.Hardship4050, Decision.NotEligible },
        { "man 45 (a woman's age)", Person(new DateOnly(1981, 1, 1), Sex.Male), EligibilityRules.Hardship4050, Decision.NotEligible },
        { "woman born 29 Feb, 40 on 1 Mar of a common year", Person(new DateOnly(1988, 2, 29), Sex.Female, new DateOnly(2028, 2, 28)), EligibilityRules.Hardship4050, Decision.NotEligible },
        { "woman born 29 Feb, 40 on 29 Feb of a leap year", Person(new DateOnly(1988, 2, 29), Sex.Female, new DateOnly(2028, 2, 29)), EligibilityRules.Hardship4050, Decision.Eligible },
        { "4050 not registered", Person(new DateOnly(1970, 1, 1), Sex.Male) with { RegisteredUnemployed = false }, EligibilityRules.Hardship4050, Decision.NotEligible },
        { "4050 no capacity", Person(new DateOnly(1970, 1, 1), Sex.Male) with { LaborCapacity = LaborCapacity.None }, EligibilityRules.Hardship4050, Decision.NotEligible },
        { "4050 no wish to work", Person(new DateOnly(1970, 1, 1), Sex.Male) with { WantsWork = false }, EligibilityRules.Hardship4050, Decision.NotEligible },
        { "4050 partial capacity", Person(new DateOnly(1970, 1, 1), Sex.Male) with { LaborCapacity = LaborCapacity.Partial }, EligibilityRules.Hardship4050, Decision.Eligible },
        { "4050 birth date unknown", Person(new DateOnly(1970, 1, 1), Sex.Male) with { BirthDate = null }, EligibilityRules.Hardship4050, Decision.CannotTell },
        { "4050 registration unknown", Person(new DateOnly(1970, 1, 1), Sex.Male) with { RegisteredUnemployed = null }, EligibilityRules.Hardship4050, Decision.CannotTell },
        { "4050 too young and registration unknown: a no beats a gap", Person(new DateOnly(1990, 1, 1), Sex.Male) with { RegisteredUnemployed = null }, EligibilityRules.Hardship4050, Decision.NotEligible },

        // Community job-development subsidy: a contract of at least 3 years, to the day.
        { "contract exactly 3 years", Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), "CommunityJobDevelopment", Decision.Eligible },
        { "contract 2 years 11 months", Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 11, 30)), "CommunityJobDevelopment", Decision.NotEligible },
        { "contract 3 years less a day", Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 30)), "CommunityJobDevelopment", Decision.NotEligible },
        { "contract 5 years", Hired(new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)), "CommunityJobDevelopment", Decision.Eligible },
        { "insurance not paid on time", Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)) with { SocialInsurancePaidOnTime = false }, "CommunityJobDevelopment", Decision.NotEligible },
        { "not a new community project", Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)) with { NewCommunityServiceProject = false }, "CommunityJobDevelopment", Decision.NotEligible },
        { "contract end unknown", Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)) with { ContractEnd = null }, "CommunityJobDevelopment", Decision.CannotTell },
        { "hired person was not registered", Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)) with { RegisteredUnemployed = false }, "CommunityJobDevelopment", Decision.NotEligible },

        // Small loan: the maximum switches from 20,000 to 200,000 yuan on 2020-01-01.
        { "loan 50,000 on 2019-12-31", Loan(50_000m, 24, new DateOnly(2019, 12, 31)), "SmallLoan", Decision.NotEligible },
        { "loan 50,000 on 2020-01-01", Loan(50_000m, 24, new DateOnly(2020, 1, 1)), "SmallLoan", Decision.Eligible },
        { "loan 20,000 in 2010", Loan(20_000m, 24, new DateOnly(2010, 6, 1)), "SmallLoan", Decision.Eligible },
        { "loan 200,000 today", Loan(200_000m, 36, On), "SmallLoan", Decision.Eligible },
        { "loan 200,001 today", Loan(200_001m, 36, On), "SmallLoan", Decision.NotEligible },
        { "loan 37 months", Loan(100_000m, 37, On), "SmallLoan", Decision.NotEligible },
        { "loan 36 months in 2019 (max 2 years then)", Loan(10_000m, 36, new DateOnly(2019, 6, 1)), "SmallLoan", Decision.NotEligible },
        { "loan amount unknown", Loan(100_000m, 36, On) with { RequestedLoanAmount = null }, "SmallLoan", Decision.CannotTell },
        { "loan not for self-employment", Loan(100_000m, 36, On) with { StartingSelfEmployment = false }, "SmallLoan", Decision.NotEligible },

        // Social insurance subsidy.
        { "SI: registered, 3-year contract", Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), "SocialInsurance", Decision.Eligible },
        { "SI: 2-year contract", Hired(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), "SocialInsurance", Decision.NotEligible },
        { "SI: certified hardship in a public-welfare post", Person(new DateOnly(1970, 1, 1), Sex.Male) with { HardshipCertified = true, CertifiedCategories = Only4050, PublicWelfarePost = true, RegisteredUnemployed = false }, "SocialInsurance", Decision.Eligible },
        { "SI: contract unknown", Person(new DateOnly(1985, 1, 1), Sex.Male), "SocialInsurance", Decision.CannotTell },

        // Post subsidy: the monthly amount is a local number not set in these parameters.
        { "post subsidy, amount not set", Person(new DateOnly(1970, 1, 1), Sex.Male) with { HardshipCertified = true, CertifiedCategories = Only4050, PublicWelfarePost = true }, "PostSubsidy", Decision.CannotTell },
        { "post subsidy, not certified", Person(new DateOnly(1970, 1, 1), Sex.Male) with { HardshipCertified = false, CertifiedCategories = new HashSet<string>(), PublicWelfarePost = true }, "PostSubsidy", Decision.NotEligible },
    };

    private static readonly IReadOnlySet<string> Only4050 = new HashSet<string> { EligibilityRules.Hardship4050 };

    private static EligibilityFacts Loan(decimal amount, int months, DateOnly on) => Person(new DateOnly(1985, 5, 5), Sex.Female, on) with
    {
        StartingSelfEmployment = true,
        RequestedLoanAmount = amount,
        RequestedLoanTermMonths = months,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_Table(string name, EligibilityFacts facts, string scheme, Decision expected)
    {
        var result = EligibilityRules.Evaluate(facts, scheme, TestParameters.National);

        result.Decision.Should().Be(expected, name);
        result.Criteria.Should().OnlyContain(c => c.Reason.Code.Length > 0, "every criterion says why, as a reason code the pages word");
        if (expected == Decision.CannotTell)
        {
            result.MissingFacts.Should().NotBeEmpty("cannot tell names what is missing");
        }
    }

    [Fact]
    public void Hardship_ManOneMonthShort_SaysWhyWithHisAgeAndTheLimit()
    {
        var result = EligibilityRules.Evaluate(Person(new DateOnly(1976, 12, 10), Sex.Male), EligibilityRules.Hardship4050, TestParameters.National);

        var age = result.Criteria.Single(c => c.Code == "Age4050");
        age.Outcome.Should().Be(Outcome.NotMet);
        age.Reason.Code.Should().Be("Age4050.NotMet");
        age.Reason.Args["age"].Should().Be(new AgeArg(49, 11));
        age.Reason.Args["sex"].Should().Be(new LabelArg("Reason.Sex.Male"));
        age.Reason.Args["on"].Should().Be(new JudgedOnArg(JudgedAt.Application, On));
        age.Reason.Args["min"].Should().BeOfType<NumberArg>().Which.Should().Match<NumberArg>(n => n.Value == 50m && n.Key == "Hardship4050.MenMinAge" && n.EffectiveFrom == new DateOnly(1978, 6, 2));
        age.FactsUsed.Should().ContainKey("birthDate").WhoseValue.Should().Be("1976-12-10");
    }

    [Fact]
    public void CommunityJobDevelopment_Eligible_Pays500()
    {
        var result = EligibilityRules.Evaluate(Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), "CommunityJobDevelopment", TestParameters.National);

        result.Amount.Should().Be(500m);
    }

    [Fact]
    public void SocialInsurance_ThreeYears_OrToRetirementWithinFiveYearsOfIt()
    {
        var young = EligibilityRules.Evaluate(Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), "SocialInsurance", TestParameters.National);
        young.DurationMonths.Should().Be(36);

        // A woman worker born 1976-06-15 retires at 50 years 9 months (2025 reform: one month per
        // two birth months from 1975-01, 17 months on: 9): on 2027-03-15; hired 2026-01-01 that is
        // 14 whole months away.
        var nearRetirement = Hired(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)) with { BirthDate = new DateOnly(1976, 6, 15), Sex = Sex.Female };
        var result = EligibilityRules.Evaluate(nearRetirement, "SocialInsurance", TestParameters.National);
        result.DurationMonths.Should().Be(14);
        result.Criteria.Should().Contain(c => c.Code == "Duration" && c.Reason.Code == "Duration.EndsAtRetirement" && c.Reason.Args["retirement"].Equals(new DateArg(new DateOnly(2027, 3, 15))));
    }

    [Fact]
    public void Evaluate_NotEligible_HasNoAmount()
    {
        var result = EligibilityRules.Evaluate(Loan(500_000m, 36, On), "SmallLoan", TestParameters.National);

        result.Decision.Should().Be(Decision.NotEligible);
        result.Amount.Should().BeNull();
        var reason = result.Criteria.Single(c => c.Code == "LoanAmount").Reason;
        reason.Code.Should().Be("LoanAmount.Above");
        reason.Args["requested"].Should().Be(new AmountArg(500_000m));
        reason.Args["max"].Should().BeOfType<NumberArg>().Which.Value.Should().Be(200_000m, "the 2020 version is in force");
    }

    // The six schemes of 001 and 002 whose numbers are local: evaluated with TestParameters.Local
    // (made-up county numbers) and, for "not set", with TestParameters.National (none of them).
    private static EligibilityFacts Poor(DateOnly? on = null) => Person(new DateOnly(1985, 5, 5), Sex.Female, on) with
    {
        HardshipCertified = false,
        LowIncomeHousehold = true,
        StartingSelfEmployment = false,
    };

    private static EligibilityFacts Trainee() => Person(new DateOnly(1980, 2, 2), Sex.Male) with
    {
        TrainingFree = true,
        PassRatePercent = 85m,
        ReemploymentRatePercent = 65m,
    };

    private static EligibilityFacts Placed() => Poor() with { PlacedByIntroduction = true, ContractStart = new DateOnly(2026, 10, 1), RegisteredUnemployed = false };

    private static EligibilityFacts HiredFor(DateOnly start, DateOnly end) => Person(new DateOnly(1990, 3, 3), Sex.Male) with
    {
        HardshipCertified = false,
        LowIncomeHousehold = false,
        ContractStart = start,
        ContractEnd = end,
        SocialInsurancePaidOnTime = true,
    };

    private static EligibilityFacts Trained(int? days, DateOnly? on = null) => Poor(on) with { TrainingDays = days };

    private static EligibilityFacts StartingBusiness() => Person(new DateOnly(1988, 8, 8), Sex.Male) with { StartingSelfEmployment = true };

    private static EligibilityFacts ZeroHousehold() => Person(new DateOnly(1995, 1, 1), Sex.Male) with { ZeroEmploymentHousehold = true };

    /// <summary>name, facts, scheme, use the local numbers, decision, the fact named as missing, amount, months.</summary>
    public static TheoryData<string, EligibilityFacts, string, bool, Decision, string?, decimal?, int?> NewRuleCases => new()
    {
        // Training subsidy (002 §三(三)1): to the institution, per trainee.
        { "training: free, 85% passed, 65% re-employed", Trainee(), "Training", true, Decision.Eligible, null, 600m, null },
        { "training: pass rate exactly the minimum", Trainee() with { PassRatePercent = 80m }, "Training", true, Decision.Eligible, null, 600m, null },
        { "training: pass rate 79.9%", Trainee() with { PassRatePercent = 79.9m }, "Training", true, Decision.NotEligible, null, null, null },
        { "training: re-employment 59%", Trainee() with { ReemploymentRatePercent = 59m }, "Training", true, Decision.NotEligible, null, null, null },
        { "training: the trainee paid", Trainee() with { TrainingFree = false }, "Training", true, Decision.NotEligible, null, null, null },
        { "training: trainee not registered unemployed", Trainee() with { RegisteredUnemployed = false }, "Training", true, Decision.NotEligible, null, null, null },
        { "training: pass rate unknown", Trainee() with { PassRatePercent = null }, "Training", true, Decision.CannotTell, "PassRatePercent", null, null },
        { "training: numbers not set", Trainee(), "Training", false, Decision.CannotTell, "Scheme.Training.MinPassRate", null, null },

        // One-off job-search and start-up subsidy (001): 1,000 yuan, 1,500 from 2026-07-01.
        { "job search: low-income household, registered", Poor(), "JobSearch", true, Decision.Eligible, null, 1_500m, null },
        { "job search: the day before the new amount", Poor(new DateOnly(2026, 6, 30)), "JobSearch", true, Decision.Eligible, null, 1_000m, null },
        { "job search: the day the new amount starts", Poor(new DateOnly(2026, 7, 1)), "JobSearch", true, Decision.Eligible, null, 1_500m, null },
        { "job search: certified hardship, starting a business, not registered", Poor() with { HardshipCertified = true, LowIncomeHousehold = false, RegisteredUnemployed = false, StartingSelfEmployment = true }, "JobSearch", true, Decision.Eligible, null, 1_500m, null },
        { "job search: neither hardship nor low income", Poor() with { LowIncomeHousehold = false }, "JobSearch", true, Decision.NotEligible, null, null, null },
        { "job search: neither registered nor starting", Poor() with { RegisteredUnemployed = false }, "JobSearch", true, Decision.NotEligible, null, null, null },
        { "job search: household unknown", Poor() with { LowIncomeHousehold = null }, "JobSearch", true, Decision.CannotTell, "LowIncomeHousehold", null, null },
        { "job search: registration and start-up unknown", Poor() with { RegisteredUnemployed = null, StartingSelfEmployment = null }, "JobSearch", true, Decision.CannotTell, "RegisteredUnemployed", null, null },
        { "job search: amount not set", Poor(), "JobSearch", false, Decision.CannotTell, "Scheme.JobSearch.Amount", null, null },

        // Job-introduction subsidy (001): per placement with a labour contract.
        { "introduction: placed, contract started", Placed(), "JobIntroduction", true, Decision.Eligible, null, 300m, null },
        { "introduction: contract starts on the application date", Placed() with { ContractStart = On }, "JobIntroduction", true, Decision.Eligible, null, 300m, null },
        { "introduction: contract starts tomorrow", Placed() with { ContractStart = On.AddDays(1) }, "JobIntroduction", true, Decision.NotEligible, null, null, null },
        { "introduction: found the job otherwise", Placed() with { PlacedByIntroduction = false }, "JobIntroduction", true, Decision.NotEligible, null, null, null },
        { "introduction: not a poor laborer", Placed() with { LowIncomeHousehold = false }, "JobIntroduction", true, Decision.NotEligible, null, null, null },
        { "introduction: contract start unknown", Placed() with { ContractStart = null }, "JobIntroduction", true, Decision.CannotTell, "ContractStart", null, null },
        { "introduction: amount not set", Placed(), "JobIntroduction", false, Decision.CannotTell, "Scheme.JobIntroduction.AmountPerPlacement", null, null },

        // Employer one-off hiring subsidy (001): a contract of at least 12 months, to the day.
        { "hiring: registered unemployed, exactly 12 months", HiredFor(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), "EmployerHiring", true, Decision.Eligible, null, 1_000m, null },
        { "hiring: 12 months less a day", HiredFor(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 30)), "EmployerHiring", true, Decision.NotEligible, null, null, null },
        { "hiring: low-income, not registered", HiredFor(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)) with { RegisteredUnemployed = false, LowIncomeHousehold = true }, "EmployerHiring", true, Decision.Eligible, null, 1_000m, null },
        { "hiring: none of the groups", HiredFor(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)) with { RegisteredUnemployed = false }, "EmployerHiring", true, Decision.NotEligible, null, null, null },
        { "hiring: insurance not paid", HiredFor(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)) with { SocialInsurancePaidOnTime = false }, "EmployerHiring", true, Decision.NotEligible, null, null, null },
        { "hiring: contract end unknown", HiredFor(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)) with { ContractEnd = null }, "EmployerHiring", true, Decision.CannotTell, "ContractEnd", null, null },
        { "hiring: registration unknown, not poor", HiredFor(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)) with { RegisteredUnemployed = null }, "EmployerHiring", true, Decision.CannotTell, "RegisteredUnemployed", null, null },
        { "hiring: numbers not set", HiredFor(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), "EmployerHiring", false, Decision.CannotTell, "Scheme.EmployerHiring.MinContractMonths", null, null },

        // Training living-cost subsidy (001): daily amount × days, at most the maximum days.
        { "living cost: 20 days at 30 yuan (2025)", Trained(20, new DateOnly(2025, 6, 1)), "TrainingLivingCost", true, Decision.Eligible, null, 600m, null },
        { "living cost: 90 days capped at 60 (2025)", Trained(90, new DateOnly(2025, 6, 1)), "TrainingLivingCost", true, Decision.Eligible, null, 1_800m, null },
        { "living cost: 90 days at 50 yuan from 2026", Trained(90), "TrainingLivingCost", true, Decision.Eligible, null, 3_000m, null },
        { "living cost: 31 December 2025 still 30 yuan", Trained(10, new DateOnly(2025, 12, 31)), "TrainingLivingCost", true, Decision.Eligible, null, 300m, null },
        { "living cost: no day attended", Trained(0), "TrainingLivingCost", true, Decision.NotEligible, null, null, null },
        { "living cost: not a poor laborer", Trained(20) with { LowIncomeHousehold = false }, "TrainingLivingCost", true, Decision.NotEligible, null, null, null },
        { "living cost: days unknown", Trained(null), "TrainingLivingCost", true, Decision.CannotTell, "TrainingDays", null, null },
        { "living cost: numbers not set", Trained(20), "TrainingLivingCost", false, Decision.CannotTell, "Scheme.TrainingLivingCost.DailyAmount", null, null },

        // Fee and tax relief for self-employment (002 §二.1): no amount, a duration.
        { "relief: registered, starting a business", StartingBusiness(), "SelfEmploymentRelief", true, Decision.Eligible, null, null, 36 },
        { "relief: not starting a business", StartingBusiness() with { StartingSelfEmployment = false }, "SelfEmploymentRelief", true, Decision.NotEligible, null, null, null },
        { "relief: not registered unemployed", StartingBusiness() with { RegisteredUnemployed = false }, "SelfEmploymentRelief", true, Decision.NotEligible, null, null, null },
        { "relief: start-up unknown", StartingBusiness() with { StartingSelfEmployment = null }, "SelfEmploymentRelief", true, Decision.CannotTell, "StartingSelfEmployment", null, null },
        { "relief: years not set", StartingBusiness(), "SelfEmploymentRelief", false, Decision.CannotTell, "Scheme.SelfEmploymentRelief.ReliefYears", null, null },

        // The second hardship category: a zero-employment household's member seeking work.
        { "zero-employment: member, able, registered", ZeroHousehold(), EligibilityRules.HardshipZeroEmployment, false, Decision.Eligible, null, null, null },
        { "zero-employment: not a member", ZeroHousehold() with { ZeroEmploymentHousehold = false }, EligibilityRules.HardshipZeroEmployment, false, Decision.NotEligible, null, null, null },
        { "zero-employment: not registered", ZeroHousehold() with { RegisteredUnemployed = false }, EligibilityRules.HardshipZeroEmployment, false, Decision.NotEligible, null, null, null },
        { "zero-employment: no wish to work", ZeroHousehold() with { WantsWork = false }, EligibilityRules.HardshipZeroEmployment, false, Decision.NotEligible, null, null, null },
        { "zero-employment: household unknown", ZeroHousehold() with { ZeroEmploymentHousehold = null }, EligibilityRules.HardshipZeroEmployment, false, Decision.CannotTell, "ZeroEmploymentHousehold", null, null },
    };

    [Theory]
    [MemberData(nameof(NewRuleCases))]
    public void Evaluate_NewRules_Table(string name, EligibilityFacts facts, string scheme, bool local, Decision expected, string? missing, decimal? amount, int? months)
    {
        var result = EligibilityRules.Evaluate(facts, scheme, local ? TestParameters.Local : TestParameters.National);

        result.Decision.Should().Be(expected, name);
        result.Criteria.Should().OnlyContain(c => c.Reason.Code.Length > 0, "every criterion says why, as a reason code the pages word");
        result.Amount.Should().Be(amount, name);
        result.DurationMonths.Should().Be(months, name);
        if (missing is null)
        {
            result.MissingFacts.Should().BeEmpty(name);
        }
        else
        {
            result.MissingFacts.Should().Contain(missing, name);
            result.Criteria.Should().Contain(c => c.Outcome == Outcome.Unknown, "the gap is a criterion of its own");
        }
    }

    [Fact]
    public void Implemented_EveryCatalogSchemeAndHardshipCategory_Evaluates()
    {
        EligibilityRules.Implemented.Should().Contain(Subsidies.SchemeCatalog.All.Select(s => s.Code));
        EligibilityRules.Implemented.Should().Contain(EligibilityRules.HardshipCategories.Select(c => c.Code));
        var nothingKnown = new EligibilityFacts { ApplicationDate = On };
        foreach (var code in EligibilityRules.Implemented)
        {
            var result = EligibilityRules.Evaluate(nothingKnown, code, TestParameters.Local);
            result.Decision.Should().Be(Decision.CannotTell, $"{code} knows nothing, so it cannot tell (never a silent no)");
            result.MissingFacts.Should().NotBeEmpty(code);
        }
    }

    [Fact]
    public void TrainingLivingCost_Capped_SaysHowTheAmountWasComputed()
    {
        var result = EligibilityRules.Evaluate(Trained(90), "TrainingLivingCost", TestParameters.Local);

        var amount = result.Criteria.Single(c => c.Code == "Amount");
        amount.Reason.Code.Should().Be("Amount.PerDay");
        amount.Reason.Args["days"].Should().Be(new QuantityArg(60, Subsidies.ParameterUnit.Days));
        amount.Reason.Args["max"].Should().BeOfType<NumberArg>().Which.Value.Should().Be(60m);
        amount.Reason.Args["daily"].Should().BeOfType<NumberArg>().Which.Should().Match<NumberArg>(n => n.Value == 50m && n.EffectiveFrom == new DateOnly(2026, 1, 1));
        result.Criteria.Single(c => c.Code == "PoorOrHardship").Reason.Code.Should().Be("PoorOrHardship.LowIncome");
    }

    [Fact]
    public void Training_PassRateBelowTheMinimum_SaysTheRateAndTheMinimum()
    {
        var result = EligibilityRules.Evaluate(Trainee() with { PassRatePercent = 79.9m }, "Training", TestParameters.Local);

        var rate = result.Criteria.Single(c => c.Code == "PassRate");
        rate.Outcome.Should().Be(Outcome.NotMet);
        rate.Reason.Code.Should().Be("Rate.Below");
        rate.Reason.Args["value"].Should().Be(new QuantityArg(79.9m, Subsidies.ParameterUnit.Percent));
        rate.Reason.Args["min"].Should().BeOfType<NumberArg>().Which.Value.Should().Be(80m);
        rate.FactsUsed.Should().Contain("passRatePercent", "79.9").And.Contain("min", "80");
    }

    [Fact]
    public void NumberNotSet_CannotTell_NamesTheNumberAndTheDate()
    {
        var result = EligibilityRules.Evaluate(Poor(), "JobSearch", TestParameters.National);

        result.Criteria.Single(c => c.Code == "Amount").Reason.Should().Be(Reason.Of(
            EligibilityRules.NumberNotSet, ("number", new LabelArg("SchemeParameter.Amount")), ("on", new DateArg(new DateOnly(2026, 11, 23)))));
        result.MissingFacts.Should().Contain("Scheme.JobSearch.Amount");
        result.Amount.Should().BeNull();
    }
}
