using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Core.Regions;

public sealed record CommunityChoice(int Id, string Name, string StreetName, string DistrictName);

public sealed record ServicePoint(string CommunityName, string StreetName, string? UnitName, OrgUnitKind? UnitKind);
