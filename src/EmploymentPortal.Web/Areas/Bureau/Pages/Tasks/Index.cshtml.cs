using EmploymentPortal.Core.BackgroundWork;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Areas.Bureau.Pages.Tasks;

/// <summary>The page of one of the user's background tasks (<see cref="TaskPageModel"/>).</summary>
[Authorize(Policy = Capabilities.ViewBureauHome)]
public sealed class IndexModel(BackgroundTasks tasks) : TaskPageModel(tasks)
{
}
