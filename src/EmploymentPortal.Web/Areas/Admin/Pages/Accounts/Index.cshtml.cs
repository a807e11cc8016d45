using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Admin.Pages.Accounts;

/// <summary>All accounts, searched, filtered and paged.</summary>
[Authorize(Policy = Capabilities.ManageAccounts)]
public sealed class IndexModel(AccountService accounts) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AccountListItem> Result { get; private set; } = null!;

    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, p =>
        Url.Page("Index", new { q = Q, role = Role, status = Status, p })!);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        bool? disabled = Status switch { "active" => false, "disabled" => true, _ => null };
        Result = await accounts.ListAsync(new AccountListQuery(Q, Role, disabled, Math.Max(1, PageNumber), PageSize), cancellationToken);
    }
}
