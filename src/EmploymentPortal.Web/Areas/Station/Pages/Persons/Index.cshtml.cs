using EmploymentPortal.Core.BackgroundWork;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>The ledger 台账: paged, filtered, searched, sorted; numbers masked.</summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class IndexModel(PersonRegistry registry, LedgerExcel excel, BackgroundTasks tasks, IOptions<PortalOptions> options, IDataProtectionProvider protection, IStringLocalizer<Texts> texts, BusinessClock clock) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The search text, when it holds no ID number (one that does is never in a URL: <see cref="Qt"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    /// <summary>A search holding an ID number, sealed (<see cref="LedgerSearchToken"/>): what links and the form carry instead of the number.</summary>
    [BindProperty(SupportsGet = true, Name = "qt")]
    public string? Qt { get; set; }

    /// <summary>The sealed search, masked, to show what is being searched for.</summary>
    public string? SealedSearchMasked => Search is { } s && Qt is not null ? SearchTextMask.Mask(s) : null;

    private string? Search => Qt is not null && LedgerSearchToken.Open(protection, Qt) is { } opened ? opened : Q;

    [BindProperty(SupportsGet = true)]
    public EmploymentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public PriorityGroups? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool LongTerm { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Age4050 { get; set; }

    /// <summary>Registrations becoming long-term within <see cref="LedgerQuery.LongTermSoonDays"/> days (the workbench's count).</summary>
    [BindProperty(SupportsGet = true)]
    public bool LongTermSoon { get; set; }

    /// <summary>Certified hardship persons due a home visit (the workbench's count).</summary>
    [BindProperty(SupportsGet = true)]
    public bool DueVisit { get; set; }

    [BindProperty(SupportsGet = true)]
    public EducationLevel? Education { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Certified { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public PersonSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<PersonListItem> Result { get; private set; } = null!;

    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];

    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, p => Url.Page("Index", new
    {
        q = Qt is null ? Q : null,
        qt = Qt,
        Status,
        Group,
        LongTerm,
        Age4050,
        Education,
        Region,
        Sort,
        Certified,
        LongTermSoon = LongTermSoon ? true : (bool?)null,
        DueVisit = DueVisit ? true : (bool?)null,
        p,
    })!)
    {
        AtLeast = Result.CountCapped,
    };

    public PersonListQuery ListQuery => new(Search, Status, Group, LongTerm, Age4050, Education, Region, Sort, Math.Max(1, PageNumber), PageSize, Certified, LongTermSoon, DueVisit);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (SearchTextMask.HoldsIdNumber(Q))
        {
            // An ID number typed into a URL by hand: sealed at once, so the page and its links never carry it.
            return RedirectToPage(Filters(LedgerSearchToken.Seal(protection, Q!)));
        }

        Regions = await registry.RegionsInScopeAsync(cancellationToken);
        Result = await registry.ListAsync(ListQuery, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The filter form posts here (never a GET: a search by ID number must not be in a URL or a
    /// Referer); a search holding an ID number continues as a sealed token, any other as <c>q</c>.
    /// </summary>
    public IActionResult OnPostSearch()
    {
        var search = Q?.Trim();
        if (string.IsNullOrEmpty(search) && Qt is not null)
        {
            return RedirectToPage(Filters(Qt)); // the sealed search kept, other filters changed
        }

        return RedirectToPage(Filters(SearchTextMask.HoldsIdNumber(search) ? LedgerSearchToken.Seal(protection, search!) : null, search));
    }

    /// <summary>The filters as route values, with the search as <c>q</c> or sealed as <c>qt</c>.</summary>
    private object Filters(string? sealedSearch, string? q = null) =>
        new { q = sealedSearch is null ? (string.IsNullOrEmpty(q) ? null : q) : null, qt = sealedSearch, Status, Group, LongTerm = LongTerm ? true : (bool?)null, Age4050 = Age4050 ? true : (bool?)null, Education, Region, Sort, Certified = Certified ? true : (bool?)null, LongTermSoon = LongTermSoon ? true : (bool?)null, DueVisit = DueVisit ? true : (bool?)null };

    /// <summary>
    /// The filtered ledger as .xlsx (all pages; numbers masked; audited). Beyond
    /// <c>Portal:Tasks:ExportInBackgroundAbove</c> persons it is written in the background
    /// (<see cref="LedgerExportWork"/>) and the task's page links to the file when it is ready.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var name = $"{texts["Nav.Ledger"].Value}-{clock.Now:yyyyMMdd-HHmm}.xlsx";
        if (await excel.ExportCountAsync(ListQuery, cancellationToken) > options.Value.Tasks.ExportInBackgroundAbove)
        {
            var id = await tasks.EnqueueAsync(LedgerExportWork.KindName, new LedgerExportParameters(ListQuery, name), null, cancellationToken);
            return RedirectToPage("/Tasks/Index", new { area = "Station", id });
        }

        using var buffer = new MemoryStream();
        if (await excel.ExportAsync(ListQuery, buffer, cancellationToken) is null)
        {
            TempData["Message"] = texts["Ledger.ExportTooMany", LedgerExcel.MaxExportRows].Value;
            return RedirectToPage(Filters(Qt ?? (SearchTextMask.HoldsIdNumber(Q) ? LedgerSearchToken.Seal(protection, Q!) : null), Q));
        }

        return File(buffer.ToArray(), ExcelContentType, name);
    }

    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
