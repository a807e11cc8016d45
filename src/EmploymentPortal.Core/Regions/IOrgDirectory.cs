namespace EmploymentPortal.Core.Regions;

/// <summary>
/// Read queries over regions, org units and their staff. Units and staff are filtered by the
/// caller's data scope in the data-access path; regions are reference data, so callers check a
/// region against the scope with resource-based authorization.
/// </summary>
public interface IOrgDirectory
{
    Task<RegionDetail?> GetRegionAsync(int id, CancellationToken cancellationToken);

    /// <summary>A unit in the caller's scope, with its staff; null when absent or out of scope.</summary>
    Task<OrgUnitDetail?> GetUnitAsync(int id, CancellationToken cancellationToken);

    /// <summary>The units in the caller's scope, ordered by region code.</summary>
    Task<IReadOnlyList<OrgUnitSummary>> ListUnitsAsync(CancellationToken cancellationToken);
}
