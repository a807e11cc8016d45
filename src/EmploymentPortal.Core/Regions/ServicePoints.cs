using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Regions;

/// <summary>
/// Anonymous reads of the service network for residents: the communities they may live in and the
/// office that serves each. Region names and the names of stations and street offices are public
/// information (residents are told where to go), so these reads need no data scope; no staff, no
/// persons.
/// </summary>
public sealed class ServicePoints(PortalDbContext db, UnscopedReads unscoped)
{
    /// <summary>Every community with its street and district, ordered by region code.</summary>
    public async Task<IReadOnlyList<CommunityChoice>> CommunitiesAsync(CancellationToken cancellationToken) =>
        await (
                from c in db.Regions.AsNoTracking()
                where c.Level == RegionLevel.Community
                join s in db.Regions on c.ParentId equals s.Id
                join d in db.Regions on s.ParentId equals d.Id
                orderby c.Code
                select new CommunityChoice(c.Id, c.Name, s.Name, d.Name))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Where a resident of the community goes: its station (劳动保障事务站), or the street office
    /// (劳动保障事务所) when the community has none; null when the id is not a community.
    /// </summary>
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
