using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Admin.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
