using EmploymentPortal.Application.Regions;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Bureau.Pages;

/// <summary>Home of county and city officials.</summary>
public sealed class IndexModel(IOrgDirectory directory) : PageModel
{
    public StaffHome? Home { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Home = await StaffHome.LoadAsync(directory, User, cancellationToken);
}
