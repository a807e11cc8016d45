using EmploymentPortal.Domain.Accounts;

namespace EmploymentPortal.Core.Seeding;

/// <summary>
/// The demo city: one prefecture-level city with two districts, three streets each and three
/// communities per street. Codes follow the 12-digit statistical division format; names are
/// realistic but the tree is demo data, not an extract of the official code list.
/// </summary>
public static class DemoCity
{
    public const string Password = "Demo!2345678";

    /// <summary>
    /// The authenticator key (base32) of every demo staff account, seeded in Development and the
    /// tests only: add it to an authenticator app (or compute the code, <c>Totp.CodeAt</c>) to
    /// sign in as a demo staff member. Never seeded elsewhere.
    /// </summary>
    public const string AuthenticatorKey = "EPDEMOTOTPSECRETKEYFORDEVONLY234";

    public static readonly (string Code, string Name) Province = ("370000000000", "山东省");

    public static readonly (string Code, string Name) City = ("370700000000", "潍坊市");

    public static IReadOnlyList<DistrictSeed> Districts { get; } =
    [
        new("370702000000", "潍城区",
        [
            new("370702001000", "城关街道", ["向阳社区", "和平社区", "东风社区"]),
            new("370702002000", "南关街道", ["健康社区", "福寿社区", "新华社区"]),
            new("370702003000", "西关街道", ["友爱社区", "民生社区", "文化社区"]),
        ]),
        new("370705000000", "奎文区",
        [
            new("370705001000", "东关街道", ["永安社区", "樱园社区", "松园社区"]),
            new("370705002000", "大虞街道", ["金宝社区", "胜利社区", "北苑社区"]),
            new("370705003000", "梨园街道", ["梨园社区", "清平社区", "幸福社区"]),
        ]),
    ];

    /// <summary>The demo accounts, each with <see cref="Password"/> and a person's name as records show it (with the unit); the unit is given by its region code.</summary>
    public static IReadOnlyList<AccountSeed> Accounts { get; } =
    [
        // The split administration (三权分立, ADR 0005): accounts, security, audit.
        new("admin", "刘洋", Roles.SystemAdmin, City.Code),
        new("secadmin", "陈静", Roles.SecurityAdmin, City.Code),
        new("auditor", "杨帆", Roles.AuditAdmin, City.Code),
        new("city1", "李明", Roles.CityOfficial, City.Code),
        new("county1", "张伟", Roles.CountyOfficial, Districts[0].Code),
        new("street1", "王丽", Roles.StreetStaff, Districts[0].Streets[0].Code),
        new("community1", "赵敏", Roles.CommunityStaff, Districts[0].Streets[0].CommunityCode(0)),
        new("community2", "孙强", Roles.CommunityStaff, Districts[0].Streets[0].CommunityCode(1)),

        // Second accounts of the same units: a later workflow step needs another person (separation of duties).
        new("community1b", "周婷", Roles.CommunityStaff, Districts[0].Streets[0].CommunityCode(0)),
        new("street1b", "吴刚", Roles.StreetStaff, Districts[0].Streets[0].Code),
        new("county1b", "郑华", Roles.CountyOfficial, Districts[0].Code),
        new("county2", "马骏", Roles.CountyOfficial, Districts[1].Code),
        new("employer1", "演示用人单位", Roles.Employer, null),
        new("seeker1", "演示求职者", Roles.JobSeeker, null),
    ];

    /// <summary>The demo employer's unified social credit code (valid check character).</summary>
    public static Domain.Jobs.CreditCode EmployerCreditCode()
    {
        const string body = "91370702MA3DEM001";
        return Domain.Jobs.CreditCode.TryParse(body + Domain.Jobs.CreditCode.CheckCharacter(body), out var code)
            ? code
            : throw new InvalidOperationException("The demo credit code is not valid.");
    }

    /// <summary>The demo postings: title, description, occupation, pay range (yuan a month), type.</summary>
    public static IReadOnlyList<(string Title, string Description, string Occupation, int PayMin, int PayMax, Domain.Jobs.PostingType Type)> Postings { get; } =
    [
        ("小区保安员", "负责小区门岗值守和夜间巡逻，做二休一。退伍军人优先。", "3-02", 3200, 4000, Domain.Jobs.PostingType.FullTime),
        ("商场保安", "商场安全巡查、监控室值班，有保安员证优先。", "3-02", 3500, 4200, Domain.Jobs.PostingType.FullTime),
        ("家政服务员", "上门做饭、保洁和照看老人，按月结算。", "4-10", 4000, 6000, Domain.Jobs.PostingType.FullTime),
        ("钟点工（家政）", "每天上午三小时家庭保洁，时间固定。", "4-10", 1800, 2400, Domain.Jobs.PostingType.PartTime),
        ("育婴员", "照护 0–3 岁婴幼儿，持育婴员证。", "4-10", 5000, 7000, Domain.Jobs.PostingType.FullTime),
        ("维修电工", "厂区配电设备维护，持低压电工证。", "6-25", 5000, 6500, Domain.Jobs.PostingType.FullTime),
        ("物业水电工", "小区水电维修，会看图纸。", "4-12", 4000, 5000, Domain.Jobs.PostingType.FullTime),
        ("社区公益性岗位保洁员", "负责社区公共区域保洁，面向就业困难人员。", "4-09", 2100, 2100, Domain.Jobs.PostingType.PublicWelfare),
        ("社区网格员", "协助社区开展网格化服务和入户走访。", "3-01", 2800, 3200, Domain.Jobs.PostingType.Community),
        ("中餐厨师", "负责热菜制作，会做鲁菜优先。", "4-03", 5000, 8000, Domain.Jobs.PostingType.FullTime),
        ("餐厅服务员", "点餐传菜、收拾餐桌，包吃住。", "4-03", 3000, 3800, Domain.Jobs.PostingType.FullTime),
        ("超市收银员", "收银和理货，两班倒。", "4-01", 2800, 3500, Domain.Jobs.PostingType.FullTime),
        ("快递员", "片区快递收派，电动车公司提供。", "4-02", 5000, 8000, Domain.Jobs.PostingType.FullTime),
        ("仓库管理员", "出入库登记和盘点，会用 Excel。", "4-02", 3800, 4500, Domain.Jobs.PostingType.FullTime),
        ("Web 前端开发工程师", "开发政务服务网站前端，熟悉 Vue 和 TypeScript。", "4-04", 8000, 14000, Domain.Jobs.PostingType.FullTime),
        ("会计", "负责小微企业代理记账，持初级会计证书。", "2-06", 4500, 6000, Domain.Jobs.PostingType.FullTime),
        ("养老护理员", "养老院老人生活照料，提供岗前培训。", "4-14", 3800, 4800, Domain.Jobs.PostingType.FullTime),
        ("蔬菜大棚季节工", "蔬菜采摘和装箱，按天计酬，按月结算。", "5-01", 3500, 4500, Domain.Jobs.PostingType.Seasonal),
        ("服装缝纫工", "流水线缝纫，计件工资，熟手优先。", "6-05", 4500, 7000, Domain.Jobs.PostingType.FullTime),
        ("建筑瓦工", "住宅工地砌筑，工期三个月。", "6-29", 6000, 9000, Domain.Jobs.PostingType.Temporary),
    ];

    public static string UnitName(string regionName, Domain.Regions.OrgUnitKind kind) => kind switch
    {
        Domain.Regions.OrgUnitKind.CityBureau or Domain.Regions.OrgUnitKind.CountyBureau => regionName + "人力资源和社会保障局",
        Domain.Regions.OrgUnitKind.StreetOffice => regionName + "劳动保障事务所",
        _ => regionName + "劳动保障事务站",
    };

    public sealed record DistrictSeed(string Code, string Name, IReadOnlyList<StreetSeed> Streets);

    public sealed record StreetSeed(string Code, string Name, IReadOnlyList<string> Communities)
    {
        public string CommunityCode(int index) => Code[..9] + (index + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record AccountSeed(string UserName, string DisplayName, string Role, string? UnitRegionCode);
}
