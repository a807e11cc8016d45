using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Admin.Pages;

[Authorize(Policy = Capabilities.ManageAccounts)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
