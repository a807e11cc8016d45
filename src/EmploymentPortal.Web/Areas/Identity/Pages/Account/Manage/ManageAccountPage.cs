using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The own-account pages: the signed-in user's account, loaded fresh for each request.</summary>
public abstract class ManageAccountPage(UserManager<PortalUser> users) : PortalPageModel
{
    protected UserManager<PortalUser> Users { get; } = users;

    protected async Task<PortalUser> CurrentUserAsync() =>
        await Users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
}
