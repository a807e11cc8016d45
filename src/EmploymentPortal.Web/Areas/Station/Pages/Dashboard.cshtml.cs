using EmploymentPortal.Core.Reports;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Areas.Station.Pages;

/// <summary>The registry dashboard of the caller's area (docs/policy-rules.md, "Reports").</summary>
[Authorize(Policy = Capabilities.ViewStationDashboard)]
public sealed class DashboardModel(Reports reports, Targets targets, ReportExcel excel, BusinessClock clock) : DashboardPageModel(reports, targets, excel, clock);
