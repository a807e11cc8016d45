using EmploymentPortal.Core.BackgroundWork;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>
/// Import of residents from the Excel template: every row checked, each rejected row reported
/// with its number and reason; staff choose "valid rows" or "all or nothing" before uploading.
/// The upload is bounded (size here, the file's shape in <see cref="LedgerExcel"/>) and checked at
/// once for its type, shape and columns; then it is stored and imported in the background
/// (<see cref="LedgerImportWork"/>, one at a time per unit), and the page redirects to the task's
/// page, which shows the progress and then the result (docs/adr/0007).
/// </summary>
[RequestSizeLimit(MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + (64 * 1024))]
[RequestTimeout(ImportLimits.TimeoutPolicy)]
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class ImportModel(LedgerExcel excel, BackgroundTasks tasks, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    [BindProperty]
    public ImportMode Mode { get; set; } = ImportMode.AllOrNothing;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await excel.WriteTemplateAsync(buffer, cancellationToken);
        return File(buffer.ToArray(), IndexModel.ExcelContentType, texts["Import.TemplateFile"].Value + ".xlsx");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", texts["Import.ChooseFile"]);
            return InvalidPage();
        }

        if (file.Length > MaxFileBytes || !file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("file", texts["Import.FileType"]);
            return InvalidPage();
        }

        byte[] bytes;
        await using (var stream = file.OpenReadStream())
        {
            bytes = new byte[file.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        using (var check = new MemoryStream(bytes, writable: false))
        {
            if (excel.CheckFile(check, cancellationToken) is { } refusal)
            {
                return FileError(refusal);
            }
        }

        if (await tasks.ActiveInMyAreaAsync(LedgerImportWork.KindName, cancellationToken))
        {
            ModelState.AddModelError("file", texts["Import.Busy"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var id = await tasks.EnqueueAsync(LedgerImportWork.KindName, new LedgerImportParameters(Mode), bytes, cancellationToken);
        return RedirectToPage("/Tasks/Index", new { area = "Station", id });
    }

    private PageResult FileError(ImportResult result)
    {
        var argument = result.Errors.Count > 0 ? result.Errors[0].Column : null;
        ModelState.AddModelError("file", texts[result.FileErrorKey!, argument ?? string.Empty, LedgerExcel.MaxImportRows]);
        return InvalidPage();
    }
}
