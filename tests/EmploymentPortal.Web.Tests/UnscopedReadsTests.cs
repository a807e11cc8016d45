using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.TestCommon.DemoIds;

namespace EmploymentPortal.Web.Tests;

/// <summary>
/// The unscoped reads live on their own context (docs/scoping.md): one mixed into a scoped query
/// is refused by EF Core at once, so it cannot widen the scoped query unnoticed.
/// </summary>
public sealed class UnscopedReadsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task UnscopedRead_MixedIntoAScopedQuery_IsRefused()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var unscoped = scope.ServiceProvider.GetRequiredService<UnscopedReads>();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await using var scoped = new PortalDbContext(options, new FixedDataScopeProvider(DataScope.Region(RegionCode.Parse(Community1))));

        var published = unscoped.PublishedPostings();
        var mixed = () => scoped.Employers.Where(e => published.Any(p => p.EmployerId == e.Id)).ToListAsync();

        (await mixed.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("multiple context instances");
        (await published.AnyAsync()).Should().BeTrue("alone, the named read works: the demo postings are published");
    }
}
