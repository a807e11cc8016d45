using EmploymentPortal.Core.BackgroundWork;
using Microsoft.AspNetCore.Mvc;

namespace EmploymentPortal.Web.Forms;

/// <summary>
/// The page of one background task (docs/adr/0007): its progress while it is queued or running
/// (the page refreshes itself; <see cref="OnGetStatusAsync"/> answers the same as JSON), then its
/// result, or the file it produced (<see cref="OnGetFileAsync"/>). Only the user who asked for the
/// task sees it, and only in their scope; anyone else gets 404.
/// </summary>
public abstract class TaskPageModel(BackgroundTasks tasks) : PortalPageModel
{
    /// <summary>Seconds between the page's refreshes while the task runs.</summary>
    public const int RefreshSeconds = 2;

    public BackgroundTaskView Task { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await tasks.FindOwnAsync(id, cancellationToken) is not { } task)
        {
            return NotFound();
        }

        Task = task;
        return Page();
    }

    /// <summary>The task's state and progress as JSON (for a script, or a monitor).</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken cancellationToken) =>
        await tasks.FindOwnAsync(id, cancellationToken) is { } task
            ? new JsonResult(new { state = task.State.ToString(), done = task.Done, total = task.Total, finished = task.IsFinished })
            : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken cancellationToken) =>
        await tasks.FileAsync(id, cancellationToken) is { } file ? File(file.Bytes, file.ContentType, file.Name) : NotFound();
}
