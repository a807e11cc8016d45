using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Domain.Tests;

/// <summary>Matching weighs the wished job and the skills first, then place and pay (issue 16, item 6).</summary>
public sealed class JobMatchingTests
{
    private const string Home = "370702001001";
    private const string OtherStreet = "370702002001";
    private const string OtherDistrict = "370705003003";

    private static readonly PostingFacts MallGuard = Posting("商场保安", "商场安全巡查、监控室值班，有保安员证优先。", "3-02", OtherDistrict, 3500, 4200);
    private static readonly PostingFacts Electrician = Posting("维修电工", "厂区配电设备维护，持低压电工证。", "6-25", OtherStreet, 5000, 6500);
    private static readonly PostingFacts Sewing = Posting("服装缝纫工", "流水线缝纫，计件工资，熟手优先。", "6-05", Home, 4500, 7000);
    private static readonly PostingFacts WebDeveloper = Posting("Web 前端开发工程师", "开发政务服务网站前端，熟悉 Vue 和 TypeScript。", "4-04", Home, 8000, 14000);

    private static PostingFacts Posting(string title, string description, string occupation, string region, int payMin, int payMax) =>
        new(region, occupation, null, null, payMin, payMax, PostingType.FullTime, title, description);

    /// <summary>The person: wants 保安 (a wish in their own words, no catalogue name contains it), is an electrician, lives next to the sewing and web jobs, which pay what they want.</summary>
    private static SeekerFacts GuardWhoIsAnElectrician() =>
        new(Home, EducationLevel.SeniorHigh, "电工", JobMatching.OccupationCodeOf("保安"), 6000m, WorkType.FullTime, false, "保安");

    private static string[] Order(SeekerFacts person, params PostingFacts[] postings) =>
        postings.Select(p => (p.Title, Score: JobMatching.Score(person, p)!)).OrderByDescending(x => x.Score.Points).Select(x => x.Title!).ToArray();

    [Fact]
    public void Wished_job_first_then_the_persons_trade_then_jobs_that_are_only_near_and_pay_well()
    {
        var order = Order(GuardWhoIsAnElectrician(), WebDeveloper, Sewing, Electrician, MallGuard);

        order[0].Should().Be("商场保安", "the wished job, though in another district and paying less than wished");
        order[1].Should().Be("维修电工", "the person's skill, though in another street");
        order[2..].Should().BeEquivalentTo("服装缝纫工", "Web 前端开发工程师");
    }

    [Fact]
    public void The_reasons_say_the_wish_and_the_skill_first()
    {
        var person = GuardWhoIsAnElectrician();

        JobMatching.Score(person, MallGuard)!.Reasons[0].Should().BeEquivalentTo(new MatchReason("Match.Wish", "保安"));
        var electrician = JobMatching.Score(person, Electrician)!.Reasons;
        electrician[0].Key.Should().Be("Match.Skills");
        electrician[0].Args.Should().Equal("电工");
        electrician[1].Key.Should().Be("Match.SameDistrict");
        JobMatching.Score(person, Sewing)!.Reasons.Select(r => r.Key).Should().NotContain(["Match.Wish", "Match.Occupation", "Match.OccupationMajor", "Match.Skills"]);
    }

    [Fact]
    public void Wished_occupation_code_first_then_its_category_then_others_whatever_the_place()
    {
        // Wishes 4-10 居民服务人员 (a catalogue code, as a seeker's link request gives it); no skills, no pay wish.
        var person = new SeekerFacts(Home, EducationLevel.JuniorHigh, null, "4-10", null, null, false);
        var housekeeping = Posting("家政服务员", "上门做饭、保洁。", "4-10", OtherDistrict, 4000, 6000);
        var waiter = Posting("餐厅服务员", "点餐传菜。", "4-03", OtherStreet, 3000, 3800);
        var bricklayer = Posting("建筑瓦工", "住宅工地砌筑。", "6-29", Home, 6000, 9000);

        Order(person, bricklayer, waiter, housekeeping).Should().Equal("家政服务员", "餐厅服务员", "建筑瓦工");
        JobMatching.Score(person, housekeeping)!.Reasons[0].Key.Should().Be("Match.Occupation");
        JobMatching.Score(person, waiter)!.Reasons[0].Should().BeEquivalentTo(new MatchReason("Match.OccupationMajor", "4"));
    }

    [Fact]
    public void Without_a_wish_or_skills_place_then_pay_decide()
    {
        var person = new SeekerFacts(Home, EducationLevel.SeniorHigh, null, null, 5000m, null, false);
        var near = Posting("超市收银员", "收银和理货。", "4-01", Home, 2800, 3500);
        var nearPaysWell = Posting("快递员", "片区快递收派。", "4-02", Home, 5000, 8000);
        var far = Posting("中餐厨师", "热菜制作。", "4-03", OtherDistrict, 5000, 8000);

        Order(person, far, near, nearPaysWell).Should().Equal("快递员", "超市收银员", "中餐厨师");
    }

    [Fact]
    public void A_skill_named_in_the_description_counts_a_single_character_does_not()
    {
        var posting = Posting("厂区维护工", "厂区配电设备维护，持低压电工证。", "6-25", OtherStreet, 5000, 6500);

        JobMatching.Score(new SeekerFacts(Home, null, "电工证", null, null, null, false), posting)!.Reasons[0].Should().BeEquivalentTo(new MatchReason("Match.Skills", "电工证"));
        JobMatching.Score(new SeekerFacts(Home, null, "电", null, null, null, false), posting)!.Reasons.Select(r => r.Key).Should().NotContain("Match.Skills");
    }

    [Fact]
    public void Unknown_education_is_not_said_to_meet_a_requirement()
    {
        var posting = new PostingFacts(Home, "2-06", EducationLevel.College, null, 4500, 6000, PostingType.FullTime, "会计", "代理记账。");

        JobMatching.Score(new SeekerFacts(Home, null, null, null, null, null, false), posting)!.Reasons.Select(r => r.Key).Should().NotContain("Match.Education");
        JobMatching.Score(new SeekerFacts(Home, EducationLevel.Bachelor, null, null, null, null, false), posting)!.Reasons.Select(r => r.Key).Should().Contain("Match.Education");
    }
}
