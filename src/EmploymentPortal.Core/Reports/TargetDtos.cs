using EmploymentPortal.Domain.Reports;

namespace EmploymentPortal.Core.Reports;

/// <summary>A region a target sheet lists: the sheet's own region first, then its children.</summary>
public sealed record TargetRegion(string Code, string Name, bool HasChildren);

public sealed record TargetCell(TargetIndicator Indicator, int? Value, string? SetByName, DateTimeOffset? SetAt);

public sealed record TargetSheetRow(TargetRegion Region, IReadOnlyList<TargetCell> Cells);

/// <summary>One year's targets of a region and its children; city officials may set them.</summary>
public sealed record TargetSheet(int Year, TargetRegion Region, string? ParentCode, IReadOnlyList<TargetSheetRow> Rows, bool MaySet);

/// <summary>A target to set (a value) or to clear (null).</summary>
public sealed record TargetInput(string RegionCode, TargetIndicator Indicator, int? Value);
