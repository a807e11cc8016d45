using EmploymentPortal.Core.Common;
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

/// <summary>Annual targets per region and indicator (docs/policy-rules.md, "Reports: targets").</summary>
public interface ITargets
{
    /// <summary>The sheet of a region in the actor's area (their own region when none is given); null outside it.</summary>
    Task<TargetSheet?> SheetAsync(int year, string? regionCode, CancellationToken cancellationToken);

    /// <summary>Sets or clears targets (city officials, inside their area); every change is audited.</summary>
    Task<CommandResult> SetAsync(int year, IReadOnlyList<TargetInput> inputs, CancellationToken cancellationToken);

    /// <summary>The targets of the given regions for a year, for progress on the dashboard.</summary>
    Task<IReadOnlyDictionary<(string RegionCode, TargetIndicator Indicator), int>> ValuesAsync(int year, IReadOnlyCollection<string> regionCodes, CancellationToken cancellationToken);
}
