using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Transfers;

/// <summary>Transfers from and to the caller's area: those to decide first, then the history.</summary>
[Authorize(Policy = Capabilities.TransferPersons)]
public sealed class IndexModel(TransferService transfers) : PageModel
{
    public IReadOnlyList<TransferItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await transfers.ListAsync(cancellationToken);
}
