using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Domain.Tests;

public sealed class OrgUnitTests
{
    private static readonly Region Province = Region.Create(RegionCode.Parse("370000000000"), "山东省", null);
    private static readonly Region City = Region.Create(RegionCode.Parse("370700000000"), "潍坊市", Province);
    private static readonly Region County = Region.Create(RegionCode.Parse("370702000000"), "潍城区", City);
    private static readonly Region Street = Region.Create(RegionCode.Parse("370702001000"), "城关街道", County);
    private static readonly Region Community = Region.Create(RegionCode.Parse("370702001001"), "向阳社区", Street);

    [Fact]
    public void Region_NotDirectlyUnderParent_IsRefused()
    {
        var skip = () => Region.Create(RegionCode.Parse("370702001001"), "向阳社区", County);
        skip.Should().Throw<RegionException>();
        var elsewhere = () => Region.Create(RegionCode.Parse("370705001000"), "东关街道", County);
        elsewhere.Should().Throw<RegionException>();
        var orphan = () => Region.Create(RegionCode.Parse("370702001000"), "城关街道", null);
        orphan.Should().Throw<RegionException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Region_BlankName_IsRefused(string name)
    {
        var create = () => Region.Create(RegionCode.Parse("370000000000"), name, null);
        create.Should().Throw<RegionException>();
    }

    [Fact]
    public void OrgUnit_OnItsLevel_CarriesTheRegionCode()
    {
        var unit = OrgUnit.Create(" 向阳社区劳动保障事务站 ", OrgUnitKind.CommunityStation, Community);
        unit.RegionCode.Should().Be("370702001001");
        unit.Name.Should().Be("向阳社区劳动保障事务站");
    }

    [Fact]
    public void OrgUnit_OnTheWrongLevel_IsRefused()
    {
        var create = () => OrgUnit.Create("城关街道劳动保障事务所", OrgUnitKind.StreetOffice, Community);
        create.Should().Throw<RegionException>();
        var bureau = () => OrgUnit.Create("潍坊市局", OrgUnitKind.CountyBureau, City);
        bureau.Should().Throw<RegionException>();
    }

    [Theory]
    [InlineData(Roles.CommunityStaff, OrgUnitKind.CommunityStation)]
    [InlineData(Roles.StreetStaff, OrgUnitKind.StreetOffice)]
    [InlineData(Roles.CountyOfficial, OrgUnitKind.CountyBureau)]
    [InlineData(Roles.CityOfficial, OrgUnitKind.CityBureau)]
    [InlineData(Roles.SystemAdmin, OrgUnitKind.CityBureau)]
    [InlineData(Roles.SecurityAdmin, OrgUnitKind.CityBureau)]
    [InlineData(Roles.AuditAdmin, OrgUnitKind.CityBureau)]
    public void Roles_StaffRole_NeedsItsKindOfUnit(string role, OrgUnitKind kind) =>
        Roles.RequiredUnitKind(role).Should().Be(kind);

    [Fact]
    public void Roles_SelfService_HaveNoUnit()
    {
        var employer = () => Roles.RequiredUnitKind(Roles.Employer);
        employer.Should().Throw<ArgumentOutOfRangeException>();
        Roles.Staff.Should().NotIntersectWith(Roles.SelfService);
        Roles.All.Should().BeEquivalentTo(Roles.Staff.Concat(Roles.SelfService));
    }
}
