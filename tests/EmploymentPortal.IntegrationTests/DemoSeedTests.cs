using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Core.Seeding;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests;

public sealed class DemoSeedTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Seed_DemoCity_HasTheShapeTheIssueAsksFor()
    {
        await using var db = ContextFactory.Create(portal.ConnectionString, DataScope.All);
        var levels = await db.Regions.GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        levels[RegionLevel.County].Should().BeGreaterThanOrEqualTo(2);
        levels[RegionLevel.Street].Should().BeGreaterThanOrEqualTo(6);
        levels[RegionLevel.Community].Should().BeGreaterThanOrEqualTo(18);
        (await db.Regions.CountAsync(r => r.Level == RegionLevel.Street && r.Code.Length == 12)).Should().Be(levels[RegionLevel.Street]);
        (await db.OrgUnits.CountAsync()).Should().Be(await db.Regions.CountAsync() - 1, "every region but the province has its unit");
    }

    [Fact]
    public async Task Seed_RunTwice_ChangesNothing()
    {
        await using var before = ContextFactory.Create(portal.ConnectionString, DataScope.All);
        var counts = (await before.Regions.CountAsync(), await before.OrgUnits.CountAsync(), await before.Users.CountAsync());

        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalDatabaseInitializer>().SeedDemoAsync(CancellationToken.None);
        }

        await using var after = ContextFactory.Create(portal.ConnectionString, DataScope.All);
        (await after.Regions.CountAsync(), await after.OrgUnits.CountAsync(), await after.Users.CountAsync()).Should().Be(counts);
    }

    [Fact]
    public async Task Seed_DemoAccounts_EachStaffMemberSitsInTheRightKindOfUnit()
    {
        await using var db = ContextFactory.Create(portal.ConnectionString, DataScope.All);
        var rows = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            join o in db.OrgUnits on u.OrgUnitId equals o.Id into units
            from unit in units.DefaultIfEmpty()
            select new { u.UserName, Role = r.Name!, Kind = unit == null ? (OrgUnitKind?)null : unit.Kind, Region = unit == null ? null : unit.RegionCode })
            .ToListAsync();

        rows.Select(r => r.UserName).Should().BeEquivalentTo(DemoCity.Accounts.Select(a => a.UserName));
        foreach (var row in rows)
        {
            if (Roles.IsStaff(row.Role))
            {
                row.Kind.Should().Be(Roles.RequiredUnitKind(row.Role), row.UserName);
            }
            else
            {
                row.Kind.Should().BeNull(row.UserName);
            }
        }

        rows.Single(r => r.UserName == "community1").Region.Should().Be("370702001001");
        rows.Single(r => r.UserName == "community2").Region.Should().Be("370702001002");
        rows.Single(r => r.UserName == "street1").Region.Should().Be("370702001000");
        rows.Single(r => r.UserName == "county1").Region.Should().Be("370702000000");
    }
}
