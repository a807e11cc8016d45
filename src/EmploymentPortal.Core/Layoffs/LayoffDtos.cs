using EmploymentPortal.Domain.Layoffs;

namespace EmploymentPortal.Core.Layoffs;

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
