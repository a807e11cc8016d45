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
        { "SI: certified hardship in a public-welfare post", Person(new DateOnly(1970, 1, 1), Sex.Male) with { HardshipCertified = true, PublicWelfarePost = true, RegisteredUnemployed = false }, "SocialInsurance", Decision.Eligible },
        { "SI: contract unknown", Person(new DateOnly(1985, 1, 1), Sex.Male), "SocialInsurance", Decision.CannotTell },

        // Post subsidy: the monthly amount is a local number not set in these parameters.
        { "post subsidy, amount not set", Person(new DateOnly(1970, 1, 1), Sex.Male) with { HardshipCertified = true, PublicWelfarePost = true }, "PostSubsidy", Decision.CannotTell },
        { "post subsidy, not certified", Person(new DateOnly(1970, 1, 1), Sex.Male) with { HardshipCertified = false, PublicWelfarePost = true }, "PostSubsidy", Decision.NotEligible },
    };

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
        result.Criteria.Should().OnlyContain(c => c.Reason.Zh.Length > 0 && c.Reason.En.Length > 0, "every criterion says why, in both languages");
        if (expected == Decision.CannotTell)
        {
            result.MissingFacts.Should().NotBeEmpty("cannot tell names what is missing");
        }
    }

    [Fact]
    public void Hardship_ManOneMonthShort_SaysSoInBothLanguages()
    {
        var result = EligibilityRules.Evaluate(Person(new DateOnly(1976, 12, 10), Sex.Male), EligibilityRules.Hardship4050, TestParameters.National);

        var age = result.Criteria.Single(c => c.Code == "Age4050");
        age.Outcome.Should().Be(Outcome.NotMet);
        age.Reason.Zh.Should().Be("男性，申请日年龄 49 岁 11 个月，不满 50 周岁");
        age.Reason.En.Should().Be("Man, aged 49 years 11 months on the application date, under 50");
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
        result.Criteria.Should().Contain(c => c.Code == "Duration" && c.Reason.Zh.Contains("补贴至退休", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_NotEligible_HasNoAmount()
    {
        var result = EligibilityRules.Evaluate(Loan(500_000m, 36, On), "SmallLoan", TestParameters.National);

        result.Decision.Should().Be(Decision.NotEligible);
        result.Amount.Should().BeNull();
        result.Criteria.Single(c => c.Code == "LoanAmount").Reason.Zh.Should().Be("申请 500000 元，超过最高额度 200000 元");
    }
}
