using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Layoffs;

namespace EmploymentPortal.Core.Layoffs;

/// <summary>
/// Mass layoff reports 规模裁员报告: an employer account files for its own employer, staff for an
/// employer of their area; county officials acknowledge the reportable ones of their area.
/// </summary>
public interface ILayoffReports
{
    /// <summary>Today in the portal's clock.</summary>
    DateOnly Today { get; }

    /// <summary>The threshold in force today (null when its parameters are not set).</summary>
    Task<LayoffThreshold?> ThresholdAsync(CancellationToken cancellationToken);

    /// <summary>The employers the caller may file for: its own (employer account) or its area's (staff), by name.</summary>
    Task<IReadOnlyList<LayoffEmployerOption>> EmployersAsync(CancellationToken cancellationToken);

    Task<(CommandResult Result, Guid? Id)> FileAsync(LayoffInput input, CancellationToken cancellationToken);

    /// <summary>Reports the caller can see (employer: its own; staff and officials: their area's).</summary>
    Task<PagedResult<LayoffRow>> ListAsync(LayoffQuery query, CancellationToken cancellationToken);

    /// <summary>One report of the caller's area, or null (officials).</summary>
    Task<LayoffRow?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A county official takes note of a report of their county.</summary>
    Task<CommandResult> AcknowledgeAsync(Guid id, string? note, CancellationToken cancellationToken);
}

/// <summary>Unemployment monitoring points 失业动态监测点 and their monthly figures.</summary>
public interface IMonitoring
{
    DateOnly Today { get; }

    /// <summary>The points of the caller's area, how many 004 §一 asks for, and (for a county official) what may still be designated.</summary>
    Task<MonitoringOverview> OverviewAsync(CancellationToken cancellationToken);

    Task<CommandResult> DesignateAsync(int regionId, CancellationToken cancellationToken);

    /// <summary>The points of the caller's area with their filing for the month, if any.</summary>
    Task<IReadOnlyList<PointMonth>> MonthAsync(DateOnly month, CancellationToken cancellationToken);

    /// <summary>Files a point's figures for a month, once: the same figures again (a double submit) are answered as filed, different ones refused.</summary>
    Task<CommandResult> FileAsync(Guid pointId, DateOnly month, int employedCount, int newlyUnemployed, string? note, CancellationToken cancellationToken);

    /// <summary>Filings of the caller's area, newest month first.</summary>
    Task<PagedResult<FilingRow>> FilingsAsync(int page, int pageSize, CancellationToken cancellationToken);
}

public sealed record LayoffInput(Guid? EmployerId, int? ReductionCount, int? WorkforceCount, DateOnly? PlannedOn, string? Reason, string? ContactName, string? ContactPhone);

public enum LayoffSort
{
    Newest = 0,
    Largest = 1,
}

public sealed record LayoffQuery(bool ReportableOnly = false, LayoffSort Sort = LayoffSort.Newest, int Page = 1, int PageSize = 20);

public sealed record LayoffEmployerOption(Guid Id, string Name, string RegionName);

public sealed record LayoffRow(
    Guid Id,
    Guid EmployerId,
    string EmployerName,
    string RegionName,
    int ReductionCount,
    int WorkforceCount,
    decimal Share,
    DateOnly PlannedOn,
    string Reason,
    string ContactName,
    string ContactPhone,
    bool Reportable,
    int ThresholdPeople,
    decimal ThresholdShare,
    LayoffStatus Status,
    DateTimeOffset FiledAt,
    string FiledByName,
    string? AcknowledgementNote,
    string? AcknowledgedByName,
    DateTimeOffset? AcknowledgedAt);

public sealed record PointRow(Guid Id, int RegionId, string RegionName, string RegionCode, string ParentName, DateTimeOffset DesignatedAt, string DesignatedByName);

public sealed record RegionChoice(int Id, string Name, string Code, string ParentName);

/// <summary>
/// The area's points against 004 §一's guide: for a county, one third of its street offices
/// (<see cref="Offices"/>); for a city, a minimum number. <see cref="Guide"/> is null when the
/// parameter is not set; <see cref="CanDesignate"/> only for county officials.
/// </summary>
public sealed record MonitoringOverview(IReadOnlyList<PointRow> Points, int? Guide, int Offices, bool IsCity, bool CanDesignate, IReadOnlyList<RegionChoice> Designatable);

public sealed record PointMonth(PointRow Point, FilingRow? Filing);

public sealed record FilingRow(Guid Id, Guid PointId, string RegionName, DateOnly Month, int EmployedCount, int NewlyUnemployed, string? Note, DateTimeOffset FiledAt, string FiledByName);
