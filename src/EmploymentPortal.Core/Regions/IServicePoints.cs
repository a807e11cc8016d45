using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Core.Regions;

/// <summary>
/// Anonymous reads of the service network for residents: the communities they may live in and the
/// office that serves each. Region names and the names of stations and street offices are public
/// information (residents are told where to go), so these reads need no data scope.
/// </summary>
public interface IServicePoints
{
    /// <summary>Every community with its street and district, ordered by region code.</summary>
    Task<IReadOnlyList<CommunityChoice>> CommunitiesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Where a resident of the community goes: its station (劳动保障事务站), or the street office
    /// (劳动保障事务所) when the community has none; null when the id is not a community.
    /// </summary>
    Task<ServicePoint?> ForCommunityAsync(int communityId, CancellationToken cancellationToken);
}

public sealed record CommunityChoice(int Id, string Name, string StreetName, string DistrictName);

public sealed record ServicePoint(string CommunityName, string StreetName, string? UnitName, OrgUnitKind? UnitKind);
