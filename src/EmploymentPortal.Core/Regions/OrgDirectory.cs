using System.Linq.Expressions;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EmploymentPortal.Core.Regions;

/// <summary>
/// Read-only projections over regions, org units and their staff. Units and staff are filtered by
/// the caller's data scope in the data-access path (the context's query filters); regions are
/// reference data, so callers check a region against the scope with resource-based authorization.
/// </summary>
public sealed class OrgDirectory(PortalDbContext db, IMemoryCache cache)
{
    /// <summary>How long a staff home's unit and region stay cached (org data changes rarely; the home page is the busiest).</summary>
    public static readonly TimeSpan HomeCacheTime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A staff member's own unit and its region (with ancestors, the regions below and their units),
    /// for their home page: cached per unit for <see cref="HomeCacheTime"/>. Only the unit in the
    /// member's claim is asked for, which is always within their own scope, so a cached entry never
    /// shows one scope another's rows.
    /// </summary>
    public async Task<StaffUnitHome?> HomeAsync(int unitId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"org-home:{unitId}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = HomeCacheTime;
            var unit = await UnitSummaries(u => u.Id == unitId).SingleOrDefaultAsync(cancellationToken);
            var region = unit is null ? null : await GetRegionAsync(unit.RegionId, cancellationToken);
            if (unit is null || region is null)
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1);
                return null;
            }

            return new StaffUnitHome(unit, region);
        });

    public async Task<RegionDetail?> GetRegionAsync(int id, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Level))
            .SingleOrDefaultAsync(cancellationToken);
        if (region is null)
        {
            return null;
        }

        var ancestorCodes = new List<string>();
        for (var code = RegionCode.Parse(region.Code).Parent; code is not null; code = code.Value.Parent)
        {
            ancestorCodes.Add(code.Value.Value);
        }

        var ancestors = await db.Regions.AsNoTracking().Where(r => ancestorCodes.Contains(r.Code))
            .OrderBy(r => r.Level)
            .Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Level))
            .ToListAsync(cancellationToken);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentId == id)
            .OrderBy(r => r.Code)
            .Select(r => new RegionSummary(r.Id, r.Code, r.Name, r.Level))
            .ToListAsync(cancellationToken);
        var units = await UnitSummaries(u => u.RegionCode == region.Code).ToListAsync(cancellationToken);
        return new RegionDetail(region, ancestors, children, units);
    }

    /// <summary>A unit in the caller's scope, with its staff; null when absent or out of scope.</summary>
    public async Task<OrgUnitDetail?> GetUnitAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await UnitSummaries(u => u.Id == id).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var staff = await (
                from u in db.Users
                where u.OrgUnitId == id
                orderby u.UserName
                select new StaffMemberSummary(
                    u.Id,
                    u.UserName!,
                    u.DisplayName,
                    (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault() ?? string.Empty,
                    u.IsDisabled))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new OrgUnitDetail(unit, staff);
    }

    /// <summary>The units in the caller's scope, ordered by region code.</summary>
    public async Task<IReadOnlyList<OrgUnitSummary>> ListUnitsAsync(CancellationToken cancellationToken) =>
        await UnitSummaries(u => true).ToListAsync(cancellationToken);

    private IQueryable<OrgUnitSummary> UnitSummaries(Expression<Func<OrgUnit, bool>> predicate) =>
        from u in db.OrgUnits.AsNoTracking().Where(predicate)
        join r in db.Regions on u.RegionId equals r.Id
        orderby u.RegionCode, u.Kind
        select new OrgUnitSummary(u.Id, u.Name, u.Kind, u.RegionId, u.RegionCode, r.Name);
}

/// <summary>A staff member's unit and its region, as their home page shows them.</summary>
public sealed record StaffUnitHome(OrgUnitSummary Unit, RegionDetail Region);
