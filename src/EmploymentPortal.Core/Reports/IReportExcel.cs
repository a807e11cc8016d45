using EmploymentPortal.Domain.Reports;

namespace EmploymentPortal.Core.Reports;

/// <summary>Everything a dashboard page shows, for its export.</summary>
public sealed record DashboardTables(
    RegistryDashboard Dashboard,
    DashboardActivity Activity,
    IReadOnlyList<(string RegionName, TargetIndicator Indicator, TargetProgress Progress)> Targets,
    IReadOnlyList<MonthFigures> Trend);

/// <summary>Dashboard tables as .xlsx: the same rows and figures as the page, audited.</summary>
public interface IReportExcel
{
    /// <summary>Writes every table of the dashboard, a sheet each: the figures, the services' work, per scheme, the targets and the trend.</summary>
    Task WriteAsync(DashboardTables tables, Stream output, CancellationToken cancellationToken);

    /// <summary>Writes the monthly report form in its fixed layout.</summary>
    Task WriteAsync(MonthlyReport report, Stream output, CancellationToken cancellationToken);
}
