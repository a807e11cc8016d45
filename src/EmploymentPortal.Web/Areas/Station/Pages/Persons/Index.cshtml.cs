using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>The ledger 台帐: paged, filtered, searched, sorted; numbers masked.</summary>
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class IndexModel(PersonRegistry registry, LedgerExcel excel, IStringLocalizer<Texts> texts, BusinessClock clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public EmploymentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public PriorityGroups? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool LongTerm { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Age4050 { get; set; }

    [BindProperty(SupportsGet = true)]
    public EducationLevel? Education { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Certified { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public PersonSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<PersonListItem> Result { get; private set; } = null!;

    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];

    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, p => Url.Page("Index", new
    {
        q = Q,
        Status,
        Group,
        LongTerm,
        Age4050,
        Education,
        Region,
        Sort,
        Certified,
        page = p,
    })!);

    private PersonListQuery Query => new(Q, Status, Group, LongTerm, Age4050, Education, Region, Sort, Math.Max(1, PageNumber), PageSize, Certified);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await registry.RegionsInScopeAsync(cancellationToken);
        Result = await registry.ListAsync(Query, cancellationToken);
    }

    /// <summary>The filtered ledger as .xlsx (all pages; numbers masked; audited).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        if (await excel.ExportAsync(Query, buffer, cancellationToken) is null)
        {
            TempData["Message"] = texts["Ledger.ExportTooMany", LedgerExcel.MaxExportRows].Value;
            return RedirectToPage(new { q = Q, Status, Group, LongTerm, Age4050, Education, Region, Sort, Certified });
        }

        var name = $"{texts["Nav.Ledger"].Value}-{clock.Now:yyyyMMdd-HHmm}.xlsx";
        return File(buffer.ToArray(), ExcelContentType, name);
    }

    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
