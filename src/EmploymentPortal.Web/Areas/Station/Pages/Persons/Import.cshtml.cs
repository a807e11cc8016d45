using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>
/// Import of residents from the Excel template: every row checked, each rejected row reported
/// with its number and reason; staff choose "valid rows" or "all or nothing" before uploading.
/// </summary>
[RequestSizeLimit(MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + (64 * 1024))]
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class ImportModel(LedgerExcel excel, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    [BindProperty]
    public ImportMode Mode { get; set; } = ImportMode.AllOrNothing;

    public ImportResult? Result { get; private set; }

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

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        Result = await excel.ImportAsync(buffer, Mode, cancellationToken);
        if (Result.FileErrorKey is { } key)
        {
            var argument = Result.Errors.Count > 0 ? Result.Errors[0].Column : null;
            ModelState.AddModelError("file", texts[key, argument ?? string.Empty, LedgerExcel.MaxImportRows]);
            return InvalidPage();
        }

        return Result.Errors.Count > 0 ? InvalidPage() : Page();
    }
}
