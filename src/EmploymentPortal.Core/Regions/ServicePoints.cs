using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Regions;

/// <summary>Public projections of regions and of the names of stations and street offices (no staff, no persons).</summary>
public sealed class ServicePoints(PortalDbContext db, UnscopedReads unscoped) : IServicePoints
{
    public async Task<IReadOnlyList<CommunityChoice>> CommunitiesAsync(CancellationToken cancellationToken) =>
        await (
                from c in db.Regions.AsNoTracking()
                where c.Level == RegionLevel.Community
                join s in db.Regions on c.ParentId equals s.Id
                join d in db.Regions on s.ParentId equals d.Id
                orderby c.Code
                select new CommunityChoice(c.Id, c.Name, s.Name, d.Name))
            .ToListAsync(cancellationToken);

    public async Task<ServicePoint?> ForCommunityAsync(int communityId, CancellationToken cancellationToken)
    {
        var community = await (
                from c in db.Regions.AsNoTracking()
                where c.Id == communityId && c.Level == RegionLevel.Community
                join s in db.Regions on c.ParentId equals s.Id
                select new { c.Code, c.Name, StreetCode = s.Code, StreetName = s.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (community is null)
        {
            return null;
        }

        // An anonymous resident has no data scope: only the name and kind of the station or street
        // office that serves the chosen community are read past it, nothing else.
        var units = await unscoped.ServicePointUnitAsync(community.Code, community.StreetCode, cancellationToken);
        return new ServicePoint(community.Name, community.StreetName, units?.Name, units?.Kind);
    }
}
