namespace EmploymentPortal.Application.Reports;

/// <summary>Dashboard tables as .xlsx: the same rows and figures as the page, audited.</summary>
public interface IReportExcel
{
    /// <summary>Writes the dashboard's rows and total, then the monthly trend, as two sheets.</summary>
    Task WriteAsync(RegistryDashboard dashboard, IReadOnlyList<MonthFigures> trend, Stream output, CancellationToken cancellationToken);

    /// <summary>Writes the monthly report form in its fixed layout.</summary>
    Task WriteAsync(MonthlyReport report, Stream output, CancellationToken cancellationToken);
}
