using EmploymentPortal.Application.Reports;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Forms;

namespace EmploymentPortal.Web.Areas.Station.Pages;

/// <summary>The monthly report form of the caller's area (docs/policy-rules.md, "Reports: the monthly report form").</summary>
public sealed class MonthlyReportModel(IReports reports, ITargets targets, IReportExcel excel, BusinessClock clock) : MonthlyReportPageModel(reports, targets, excel, clock);
