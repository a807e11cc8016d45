using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Core.Regions;

public sealed record RegionSummary(int Id, string Code, string Name, RegionLevel Level) : IRegionScoped
{
    string IRegionScoped.RegionCode => Code;
}

public sealed record OrgUnitSummary(int Id, string Name, OrgUnitKind Kind, int RegionId, string RegionCode, string RegionName) : IRegionScoped;

public sealed record StaffMemberSummary(Guid Id, string UserName, string DisplayName, string Role, bool IsDisabled);

/// <summary>A region with its ancestors (for breadcrumbs), children and the units on it.</summary>
public sealed record RegionDetail(
    RegionSummary Region,
    IReadOnlyList<RegionSummary> Ancestors,
    IReadOnlyList<RegionSummary> Children,
    IReadOnlyList<OrgUnitSummary> Units) : IRegionScoped
{
    string IRegionScoped.RegionCode => Region.Code;
}

public sealed record OrgUnitDetail(OrgUnitSummary Unit, IReadOnlyList<StaffMemberSummary> Staff);
