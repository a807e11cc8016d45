using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using EmploymentPortal.Domain.Subsidies;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.Web.Tests;

/// <summary>The public /Policies pages: schemes in plain language, and the anonymous self-check that stores nothing.</summary>
public sealed class PoliciesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task List_Anonymous_EverySchemeInPlainLanguage_InBothCultures()
    {
        using var anonymous = portal.Anonymous();

        var (response, page) = await anonymous.GetPageAsync("/Policies");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=policies] .card").Should().HaveCount(SchemeCatalog.All.Count);
        var loan = page.QuerySelector("[data-testid=policies] [data-code=SmallLoan]")!.TextContent;
        loan.Should().Contain("办理了失业登记、准备自己创业").And.Contain("20 万元", "today's maximum from the parameters").And.Contain("身份证");
        page.QuerySelector("[data-testid=policies] [data-code=JobSearch] [data-testid=numbers]")!.TextContent
            .Should().Contain("由所在县（市、区）确定", "the amount is not set in the sources");
        page.QuerySelector("[data-testid=hardship-categories]")!.TextContent.Should().Contain("零就业家庭成员");

        var (_, english) = await anonymous.GetPageAsync("/Policies?culture=en-US");
        english.QuerySelector("h1")!.TextContent.Should().Be("Employment support policies");
        english.QuerySelector("[data-testid=policies] [data-code=JobSearch]")!.TextContent
            .Should().Contain("One-off job-search and start-up subsidy").And.Contain("Set by your county").And.Contain("What to bring");
        english.Body!.TextContent.Should().NotContain("Policies.", "every text has its English key");
    }

    [Fact]
    public async Task Detail_Anonymous_InBothCultures_LinksToTheVersionHistory()
    {
        using var anonymous = portal.Anonymous();

        var (response, page) = await anonymous.GetPageAsync("/Policies/TrainingLivingCost");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.Should().Be("培训期间生活费补贴");
        page.QuerySelector("[data-testid=plain]")!.TextContent.Should().Contain("按实际参加的天数").And.Contain("每天补贴").And.Contain("由所在县（市、区）确定");
        page.QuerySelector("[data-testid=technical]")!.GetAttribute("href").Should().Be("/Schemes/TrainingLivingCost");

        var (_, english) = await anonymous.GetPageAsync("/Policies/SocialInsurance?culture=en-US");
        english.QuerySelector("h1")!.TextContent.Should().Be("Social insurance subsidy");
        english.QuerySelector("[data-testid=plain]")!.TextContent.Should().Contain("Who it is for").And.Contain("5 years");
    }

    [Fact]
    public async Task Detail_UnknownScheme_NotFound()
    {
        using var anonymous = portal.Anonymous();
        (await anonymous.GetAsync("/Policies/NoSuchScheme")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Check_Woman45RegisteredUnemployed_Hardship4050MayApply_AndNamesHerCommunityStation()
    {
        using var anonymous = portal.Anonymous();
        var community = await DemoIds.RegionAsync(portal.ConnectionString, DemoIds.Community1);

        var response = await anonymous.SubmitFormAsync("/Policies/Check", Answers(age: "45", sex: "Female", community: community));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        var hardship = page.QuerySelector("[data-testid=may-apply] [data-code=Hardship4050]");
        hardship.Should().NotBeNull("a woman of 45, registered unemployed, able and wishing to work is in the 4050 group");
        hardship!.TextContent.Should().Contain("女性，申请日年龄 45 岁 0 个月，已满 40 周岁").And.Contain("申请日处于失业登记状态");
        page.QuerySelector("[data-testid=visit]")!.TextContent.Should().Contain(await DemoIds.UnitNameAsync(portal.ConnectionString, DemoIds.Community1));
        page.QuerySelector("[data-testid=about-age]")!.TextContent.Should().Contain("约 45 岁");
        page.QuerySelector("[data-testid=may-apply] [data-code=HardshipZeroEmployment]")!.TextContent
            .Should().Contain("零就业家庭成员", "an unticked box is not known (the form says to leave it unticked when unsure), never a definite no");
        page.QuerySelector("[data-testid=may-apply] [data-code=EmployerHiring]").Should().BeNull("a subsidy paid to the employer is not the resident's to apply for");
        page.QuerySelector("[data-testid=others-may-claim] [data-code=EmployerHiring]")!.TextContent
            .Should().Contain("您的用人单位招用您后可能可以申领");
        page.QuerySelector("[data-testid=others-may-claim] [data-code=EmployerHiring]")!.TextContent
            .Should().Contain("申请时核实").And.Contain("缺少劳动合同起止日期", "the contract is only known when an employer applies");
        page.QuerySelector("[data-testid=does-not-apply] [data-code=SelfEmploymentRelief]").Should().NotBeNull("she is not starting a business");
        page.QuerySelectorAll("[data-testid=may-apply] > li, [data-testid=others-may-claim] > li, [data-testid=does-not-apply] > li")
            .Should().HaveCount(SchemeCatalog.All.Count + 2, "every scheme and both hardship categories are answered");
    }

    [Fact]
    public async Task Check_Man45_Hardship4050DoesNotApply_WithTheAgeReason_InBothCultures()
    {
        using var anonymous = portal.Anonymous();
        var community = await DemoIds.RegionAsync(portal.ConnectionString, DemoIds.Community2);

        var chinese = await Html.ParseAsync(await anonymous.SubmitFormAsync("/Policies/Check", Answers(age: "45", sex: "Male", community: community)));
        chinese.QuerySelector("[data-testid=may-apply] [data-code=Hardship4050]").Should().BeNull();
        chinese.QuerySelector("[data-testid=does-not-apply] [data-code=Hardship4050]")!.TextContent.Should().Contain("男性，申请日年龄 45 岁 0 个月，不满 50 周岁");

        var english = await Html.ParseAsync(await anonymous.SubmitFormAsync("/Policies/Check?culture=en-US", Answers(age: "45", sex: "Male", community: community)));
        english.QuerySelector("[data-testid=does-not-apply] [data-code=Hardship4050]")!.TextContent
            .Should().Contain("Man, aged 45 years 0 months on the application date, under 50").And.Contain("Not met");
        english.QuerySelector("[data-testid=visit]")!.TextContent.Should().Contain(await DemoIds.UnitNameAsync(portal.ConnectionString, DemoIds.Community2));
        english.QuerySelector("label[for=Answers_Sex]")!.TextContent.Should().Be("Sex");
        english.Body!.TextContent.Should().NotContain("Policies.", "every label and message has its English text");
    }

    [Fact]
    public async Task Check_InvalidAnswers_ErrorsNextToTheFields_TypedValuesKept_InBothCultures()
    {
        using var anonymous = portal.Anonymous();
        var community = await DemoIds.RegionAsync(portal.ConnectionString, DemoIds.Community1);

        var response = await anonymous.SubmitFormAsync("/Policies/Check", Answers(age: "200", sex: string.Empty, community: community, status: "Employed"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#Answers_Age-error")!.TextContent.Should().Be("周岁年龄请填写 0 到 120 之间的整数");
        page.QuerySelector("#Answers_Sex-error")!.TextContent.Should().Be("请选择性别");
        page.Errors().Should().Equal("周岁年龄请填写 0 到 120 之间的整数", "请选择性别");
        page.QuerySelector("#Answers_Age")!.GetAttribute("value").Should().Be("200");
        page.QuerySelector<IHtmlSelectElement>("#Answers_Status")!.Value.Should().Be("Employed");
        page.QuerySelector<IHtmlSelectElement>("#Answers_CommunityId")!.Value.Should().Be(community.ToString(CultureInfo.InvariantCulture));
        page.QuerySelector<IHtmlInputElement>("input[name='Answers.LowIncomeHousehold']")!.IsChecked.Should().BeTrue();
        page.QuerySelector("[data-testid=result]").Should().BeNull();
        page.Title.Should().StartWith("错误：");

        var english = await Html.ParseAsync(await anonymous.SubmitFormAsync("/Policies/Check?culture=en-US", Answers(age: null, sex: "Female", community: null)));
        english.Errors().Should().Equal("Enter your year and month of birth, or your age", "Choose the community you live in");
        var month = await Html.ParseAsync(await anonymous.SubmitFormAsync("/Policies/Check?culture=en-US", Answers(age: null, sex: "Female", community: community, birthYear: "1981", birthMonth: "13")));
        month.QuerySelector("#Answers_BirthMonth-error")!.TextContent.Should().Be("Enter the month you were born, from 1 to 12 and not after this month");
        month.QuerySelector("#Answers_BirthYear")!.GetAttribute("value").Should().Be("1981");
        var letters = await Html.ParseAsync(await anonymous.SubmitFormAsync("/Policies/Check", Answers(age: "abc", sex: "Female", community: community)));
        letters.Errors().Should().Equal(["输入的值无效"], "one message for the field: the binding error, not also \"enter your age\"");
        letters.QuerySelector("#Answers_Age")!.GetAttribute("value").Should().Be("abc");
    }

    [Fact]
    public async Task Check_CommunityWithoutStation_NamesTheStreetOffice_AndStartingABusinessIsCheckedAtTheStation()
    {
        var community = await TestSql.ScalarAsync<int>(portal.ConnectionString,
            "INSERT INTO regions (code, name, level, parent_id) SELECT '370702001099', '新建社区', 5, id FROM regions WHERE code = @code RETURNING id", DemoIds.Street1);
        using var anonymous = portal.Anonymous();
        var today = TestClock.Today;
        var born = today.AddYears(-30);

        var page = await Html.ParseAsync(await anonymous.SubmitFormAsync("/Policies/Check", Answers(
            age: null, sex: "Male", community: community, status: "StartingBusiness",
            birthYear: born.Year.ToString(CultureInfo.InvariantCulture), birthMonth: born.Month.ToString(CultureInfo.InvariantCulture))));

        page.QuerySelector("[data-testid=visit]")!.TextContent.Should().Contain(await DemoIds.UnitNameAsync(portal.ConnectionString, DemoIds.Street1));
        page.QuerySelector("[data-testid=about-age]")!.TextContent.Should().Contain("约 30 岁");
        page.QuerySelector("[data-testid=result]")!.TextContent.Should().Contain("按出生月份的 1 日计算");
        var loan = page.QuerySelector("[data-testid=may-apply] [data-code=SmallLoan]")!.TextContent;
        loan.Should().Contain("自谋职业、自主创业").And.Contain("申请时核实").And.Contain("不知道是否已办理失业登记");
    }

    [Fact]
    public async Task Check_StoresNothing_AndLogsNoAnswers()
    {
        using var anonymous = portal.Anonymous();
        var community = await DemoIds.RegionAsync(portal.ConnectionString, DemoIds.Community1);
        const string Count = "SELECT (SELECT count(*) FROM audit_events) + (SELECT count(*) FROM persons) + (SELECT count(*) FROM hardship_certifications)";
        var before = await TestSql.ScalarAsync<long>(portal.ConnectionString, Count);
        var logBefore = portal.Factory.Log.Length;

        var response = await anonymous.SubmitFormAsync("/Policies/Check", Answers(age: null, sex: "Female", community: community, birthYear: "1977", birthMonth: "4"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestSql.ScalarAsync<long>(portal.ConnectionString, Count)).Should().Be(before);
        var logged = portal.Factory.Log[logBefore..];
        logged.Should().Contain("/Policies/Check", "the request itself is logged").And.NotContain("1977").And.NotContain("Female").And.NotContain("LowIncome");
    }

    [Theory]
    [InlineData(null, null, 40, "1986-11-23", 40)]
    [InlineData(1986, 11, null, "1986-11-01", 40)]
    [InlineData(1986, 12, null, "1986-12-01", 39)]
    [InlineData(2026, 11, null, "2026-11-01", 0)]
    public void SelfCheckAnswers_BirthDate_IsTheOldestTheAnswerAllows(int? year, int? month, int? age, string expectedBirth, int expectedYears)
    {
        var today = new DateOnly(2026, 11, 23);
        var answers = new Pages.Policies.SelfCheckAnswers { BirthYear = year, BirthMonth = month, Age = age };

        answers.AgeErrors(today).Should().BeEmpty();
        var birth = answers.ApproximateBirthDate(today);
        birth.Should().Be(DateOnly.Parse(expectedBirth, CultureInfo.InvariantCulture));
        Domain.Persons.Age.On(birth, today).Years.Should().Be(expectedYears);
    }

    [Theory]
    [InlineData(null, null, null, "Age", "Policies.Check.AgeRequired")]
    [InlineData(null, null, 121, "Age", "Policies.Check.AgeRange")]
    [InlineData(null, null, -1, "Age", "Policies.Check.AgeRange")]
    [InlineData(2026, 12, null, "BirthMonth", "Policies.Check.BirthMonthRange")]
    [InlineData(1981, null, null, "BirthMonth", "Policies.Check.BirthMonthRange")]
    [InlineData(null, 5, 40, "BirthYear", "Policies.Check.BirthYearRange")]
    [InlineData(1905, 5, null, "BirthYear", "Policies.Check.BirthYearRange")]
    public void SelfCheckAnswers_ImpossibleAge_NamesTheField(int? year, int? month, int? age, string field, string key)
    {
        var answers = new Pages.Policies.SelfCheckAnswers { BirthYear = year, BirthMonth = month, Age = age };

        answers.AgeErrors(new DateOnly(2026, 11, 23)).Should().Equal((field, key));
    }

    [Fact]
    public void SelfCheckAnswers_StartingABusiness_LeavesTheRegistrationToTheStation()
    {
        var answers = new Pages.Policies.SelfCheckAnswers { Age = 30, Status = Pages.Policies.SelfCheckStatus.StartingBusiness, LowIncomeHousehold = true };

        var facts = answers.ToFacts(new DateOnly(2026, 11, 23));

        facts.RegisteredUnemployed.Should().BeNull();
        facts.StartingSelfEmployment.Should().BeTrue();
        facts.LowIncomeHousehold.Should().BeTrue();
        facts.HardshipCertified.Should().BeNull("the form says to leave a box unticked when unsure: unticked is not known, never a definite no");
    }

    private static Dictionary<string, string> Answers(string? age, string sex, int? community, string status = "RegisteredUnemployed", string? birthYear = null, string? birthMonth = null)
    {
        var answers = new Dictionary<string, string>
        {
            ["Answers.Sex"] = sex,
            ["Answers.Status"] = status,
            ["Answers.LaborCapacity"] = "Full",
            ["Answers.WantsWork"] = "true",
            ["Answers.LowIncomeHousehold"] = "true",
            ["Answers.CommunityId"] = community?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
        if (age is not null)
        {
            answers["Answers.Age"] = age;
        }

        if (birthYear is not null)
        {
            answers["Answers.BirthYear"] = birthYear;
            answers["Answers.BirthMonth"] = birthMonth ?? string.Empty;
        }

        return answers;
    }
}
