using EmploymentPortal.Application.Reports;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Forms;

namespace EmploymentPortal.Web.Areas.Station.Pages;

/// <summary>The registry dashboard of the caller's area (docs/policy-rules.md, "Reports").</summary>
public sealed class DashboardModel(IReports reports, ITargets targets, IReportExcel excel, BusinessClock clock) : DashboardPageModel(reports, targets, excel, clock);
