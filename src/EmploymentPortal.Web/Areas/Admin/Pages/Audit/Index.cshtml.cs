using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmploymentPortal.Web.Areas.Admin.Pages.Audit;

/// <summary>
/// The audit administrator's read-only view of the audit trail (三权分立, ADR 0005): events newest
/// first, filtered by date range (business days), action, record type and actor. It has no POST.
/// </summary>
[Authorize(Policy = Capabilities.ReadAudit)]
public sealed class IndexModel(AuditTrail trail, BusinessClock clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<AuditTrailRow> Result { get; private set; } = null!;

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, p =>
        Url.Page("Index", new { From, To, action = ActionName, Entity, Actor, p })!);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Actions, EntityTypes) = await trail.FilterOptionsAsync(cancellationToken);
        var from = From is { } f ? clock.StartOf(f) : (DateTimeOffset?)null;
        var to = To is { } t ? clock.StartOf(t.AddDays(1)) : (DateTimeOffset?)null;
        Result = await trail.ListAsync(new AuditQuery(from, to, ActionName, Entity, Actor, Math.Max(1, PageNumber), PageSize), cancellationToken);
    }

    public string When(DateTimeOffset at) => clock.InZone(at).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
