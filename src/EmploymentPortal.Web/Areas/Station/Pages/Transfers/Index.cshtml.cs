using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Station.Pages.Transfers;

/// <summary>Transfers from and to the caller's area: those to decide first, then the history.</summary>
[Authorize(Policy = Capabilities.TransferPersons)]
public sealed class IndexModel(TransferService transfers) : PageModel
{
    public IReadOnlyList<TransferItem> Items { get; private set; } = [];

    /// <summary>Only those waiting for this unit's decision (the workbench's count links here).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Waiting { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = Waiting ? await transfers.ListWaitingAsync(cancellationToken) : await transfers.ListAsync(cancellationToken);
}
