using EmploymentPortal.Core.Reports;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages;

/// <summary>The monthly report form of the caller's area (docs/policy-rules.md, "Reports: the monthly report form").</summary>
[Authorize(Policy = Capabilities.ViewBureauDashboard)]
public sealed class MonthlyReportModel(Reports reports, Core.Reports.Targets targets, ReportExcel excel, BusinessClock clock, ReportFormHeader formHeader) : MonthlyReportPageModel(reports, targets, excel, clock, formHeader);
