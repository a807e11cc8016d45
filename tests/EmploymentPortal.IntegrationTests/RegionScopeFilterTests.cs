using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests;

/// <summary>The region-scope query filter on PostgreSQL, per scope, including failing closed.</summary>
public sealed class RegionScopeFilterTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("370702001001", 1)]
    [InlineData("370702001000", 4)]
    [InlineData("370702000000", 13)]
    [InlineData("370705000000", 13)]
    [InlineData("370700000000", 27)]
    [InlineData("110000000000", 0)]
    public async Task OrgUnits_RegionScope_SeesItsSubtreeOnly(string regionCode, int expected)
    {
        var scope = DataScope.Region(RegionCode.Parse(regionCode));
        await using var db = ContextFactory.Create(portal.ConnectionString, scope);

        var units = await db.OrgUnits.Select(u => u.RegionCode).ToListAsync();

        units.Should().HaveCount(expected);
        units.Where(code => !code.StartsWith(scope.RegionPrefix!, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task OrgUnits_NoScope_SeesNothing()
    {
        await using var db = ContextFactory.Create(portal.ConnectionString, DataScope.None);
        (await db.OrgUnits.CountAsync()).Should().Be(0);
        (await db.OrgUnits.Where(u => u.Id == 1).SingleOrDefaultAsync()).Should().BeNull();
    }

    [Fact]
    public async Task OrgUnits_AllScope_SeesEverything()
    {
        await using var db = ContextFactory.Create(portal.ConnectionString, DataScope.All);
        (await db.OrgUnits.CountAsync()).Should().Be(27);
    }

    [Fact]
    public async Task OrgUnits_ScopeIsReadPerQuery_NotCachedFromTheFirstContext()
    {
        await using (var first = ContextFactory.Create(portal.ConnectionString, DataScope.Region(RegionCode.Parse("370702001001"))))
        {
            (await first.OrgUnits.CountAsync()).Should().Be(1);
        }

        await using var second = ContextFactory.Create(portal.ConnectionString, DataScope.Region(RegionCode.Parse("370705000000")));
        (await second.OrgUnits.CountAsync()).Should().Be(13);
    }

    [Fact]
    public void EveryEntityWithARegionCode_HasTheRegionScopeFilter()
    {
        using var db = ContextFactory.Create(portal.ConnectionString, DataScope.None);
        // Public by design (docs/scoping.md): the notices' read model holds only masked values; its
        // region code says which area resolves an objection to an entry, it does not scope reads.
        Type[] publicByDesign = [typeof(Domain.Subsidies.NoticeEntry)];
        var scoped = db.Model.GetEntityTypes()
            .Where(e => e.GetProperties().Any(p => p.Name.EndsWith(PortalDbContext.RegionCodeProperty, StringComparison.Ordinal)) && e.ClrType != typeof(Domain.Audit.AuditEvent))
            .Where(e => !publicByDesign.Contains(e.ClrType))
            .ToList();

        scoped.Should().NotBeEmpty();
        foreach (var entity in scoped)
        {
            entity.GetDeclaredQueryFilters().Select(f => f.Key).Should().Contain(PortalDbContext.RegionScopeFilter, entity.DisplayName());
        }
    }
}
