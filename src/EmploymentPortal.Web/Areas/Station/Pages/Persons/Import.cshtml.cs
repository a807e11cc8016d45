using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Web.Forms;
using EmploymentPortal.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Areas.Station.Pages.Persons;

/// <summary>
/// Import of residents from the Excel template: every row checked, each rejected row reported
/// with its number and reason; staff choose "valid rows" or "all or nothing" before uploading.
/// The upload is bounded (size here, the file's shape in <see cref="LedgerExcel"/>), times out
/// (<see cref="ImportLimits.TimeoutPolicy"/>), runs one at a time per unit, and shows its progress
/// while it runs: the form carries an import id that the page polls (<see cref="OnGetProgress"/>).
/// </summary>
[RequestSizeLimit(MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + (64 * 1024))]
[RequestTimeout(ImportLimits.TimeoutPolicy)]
[Authorize(Policy = Capabilities.RegisterPersons)]
public sealed class ImportModel(LedgerExcel excel, ImportProgress progress, ICurrentActor actor, IStringLocalizer<Texts> texts) : PortalPageModel
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    [BindProperty]
    public ImportMode Mode { get; set; } = ImportMode.AllOrNothing;

    /// <summary>The id under which this form's import reports its progress (new for each form shown).</summary>
    [BindProperty]
    public Guid ImportId { get; set; } = Guid.NewGuid();

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

    /// <summary>The progress of the caller's own import <paramref name="id"/>: a line of text, empty when unknown.</summary>
    public IActionResult OnGetProgress(Guid id)
    {
        var state = actor.UserId is { } owner ? progress.Get(id, owner) : null;
        var text = state switch
        {
            null or { Stage: ImportStage.Done } => string.Empty,
            { Stage: ImportStage.Writing } => texts["Import.ProgressWriting", state.Rows].Value,
            _ => texts["Import.Progress", state.Rows].Value,
        };
        return new JsonResult(new { stage = state?.Stage.ToString(), rows = state?.Rows ?? 0, text });
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

        // The form reader buffered the upload (to disk beyond a small size): read it in place, seekable.
        await using (var stream = file.OpenReadStream())
        {
            Result = await excel.ImportAsync(stream, Mode, cancellationToken, ImportId);
        }

        ImportId = Guid.NewGuid();
        if (Result.FileErrorKey is { } key)
        {
            var argument = Result.Errors.Count > 0 ? Result.Errors[0].Column : null;
            ModelState.AddModelError("file", texts[key, argument ?? string.Empty, LedgerExcel.MaxImportRows]);
            if (key == "Import.Busy")
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }

            return InvalidPage();
        }

        return Result.Errors.Count > 0 ? InvalidPage() : Page();
    }
}
