using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Regions;

namespace EmploymentPortal.Domain.Layoffs;

/// <summary>
/// A street or community a county has designated as an unemployment monitoring point
/// 失业动态监测点 (004 §一): its station staff file monthly figures.
/// </summary>
public sealed class MonitoringPoint
{
    private MonitoringPoint()
    {
        RegionCode = string.Empty;
        DesignatedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public int RegionId { get; private set; }

    /// <summary>The street's or community's code: staff of it and above see the point.</summary>
    public string RegionCode { get; private set; }

    public DateTimeOffset DesignatedAt { get; private set; }

    public string DesignatedByName { get; private set; }

    /// <summary>Only a street or a community can be a point (the platforms and offices of 004 §一).</summary>
    public static MonitoringPoint Designate(int regionId, string regionCode, RegionLevel level, string byName, DateTimeOffset at)
    {
        if (level is not (RegionLevel.Street or RegionLevel.Community))
        {
            throw new LayoffsException("Monitoring.StreetOrCommunity", "RegionId");
        }

        return new MonitoringPoint
        {
            Id = Guid.CreateVersion7(),
            RegionId = regionId,
            RegionCode = regionCode,
            DesignatedAt = at,
            DesignatedByName = byName,
        };
    }
}

/// <summary>One month's figures of a monitoring point; one per point and month.</summary>
public sealed class MonitoringFiling
{
    public const int NoteMaxLength = 200;

    private MonitoringFiling()
    {
        RegionCode = string.Empty;
        FiledByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PointId { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>The first day of the month the figures are for.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>Employed headcount at the monitored enterprises (or persons covered) at month end.</summary>
    public int EmployedCount { get; private set; }

    /// <summary>Persons newly unemployed during the month.</summary>
    public int NewlyUnemployed { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string FiledByName { get; private set; }

    /// <summary>Figures for a month that has begun (not a future month); counts are zero or more.</summary>
    public static MonitoringFiling File(MonitoringPoint point, DateOnly month, int employedCount, int newlyUnemployed, string? note, DateOnly today, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(point);
        month = MonthOf(month);
        if (month > MonthOf(today))
        {
            throw new LayoffsException("Monitoring.FutureMonth", "Month");
        }

        if (employedCount < 0 || newlyUnemployed < 0)
        {
            throw new LayoffsException("Monitoring.CountsNotNegative");
        }

        note = note?.Trim();
        if (note?.Length > NoteMaxLength)
        {
            throw new LayoffsException("Validation.TooLong", "Note");
        }

        return new MonitoringFiling
        {
            Id = Guid.CreateVersion7(),
            PointId = point.Id,
            RegionCode = point.RegionCode,
            Month = month,
            EmployedCount = employedCount,
            NewlyUnemployed = newlyUnemployed,
            Note = string.IsNullOrEmpty(note) ? null : note,
            FiledAt = at,
            FiledByName = byName,
        };
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}

/// <summary>
/// How many points 004 §一 asks for: a city at least a number of platforms, a county a share of
/// its labour-security affairs offices (one in every N, rounded up). Both numbers are parameters.
/// </summary>
public static class MonitoringGuide
{
    /// <summary>The county's guide for <paramref name="offices"/> street offices, or null when the parameter is not set.</summary>
    public static int? ForCounty(PolicyParameterSet parameters, DateOnly date, int offices)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.TryValueOn(ParameterKeys.MonitoringCountyOfficesPerPoint, date) is { } per && per > 0
            ? (int)Math.Ceiling(offices / per)
            : null;
    }

    public static int? ForCity(PolicyParameterSet parameters, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.TryValueOn(ParameterKeys.MonitoringCityMinPoints, date) is { } min ? (int)min : null;
    }
}
