using EmploymentPortal.Application.Regions;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages;

/// <summary>Home of community and street staff.</summary>
public sealed class IndexModel(IOrgDirectory directory) : PageModel
{
    public StaffHome? Home { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Home = await StaffHome.LoadAsync(directory, User, cancellationToken);
}
