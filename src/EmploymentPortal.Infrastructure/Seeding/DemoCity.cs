using EmploymentPortal.Domain.Accounts;

namespace EmploymentPortal.Infrastructure.Seeding;

/// <summary>
/// The demo city: one prefecture-level city with two districts, three streets each and three
/// communities per street. Codes follow the 12-digit statistical division format; names are
/// realistic but the tree is demo data, not an extract of the official code list.
/// </summary>
public static class DemoCity
{
    public const string Password = "Demo!2345678";

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

    /// <summary>The demo accounts, each with <see cref="Password"/>; the unit is given by its region code.</summary>
    public static IReadOnlyList<AccountSeed> Accounts { get; } =
    [
        new("admin", "系统管理员", Roles.Admin, City.Code),
        new("city1", "市局演示账号", Roles.CityOfficial, City.Code),
        new("county1", "潍城区局演示账号", Roles.CountyOfficial, Districts[0].Code),
        new("street1", "城关街道演示账号", Roles.StreetStaff, Districts[0].Streets[0].Code),
        new("community1", "向阳社区演示账号", Roles.CommunityStaff, Districts[0].Streets[0].CommunityCode(0)),
        new("community2", "和平社区演示账号", Roles.CommunityStaff, Districts[0].Streets[0].CommunityCode(1)),

        // Second accounts of the same units: a later workflow step needs another person (separation of duties).
        new("community1b", "向阳社区演示账号二", Roles.CommunityStaff, Districts[0].Streets[0].CommunityCode(0)),
        new("street1b", "城关街道演示账号二", Roles.StreetStaff, Districts[0].Streets[0].Code),
        new("county2", "奎文区局演示账号", Roles.CountyOfficial, Districts[1].Code),
        new("employer1", "演示用人单位", Roles.Employer, null),
        new("seeker1", "演示求职者", Roles.JobSeeker, null),
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
