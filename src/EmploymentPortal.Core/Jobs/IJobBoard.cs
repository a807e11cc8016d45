using EmploymentPortal.Core.Common;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;

namespace EmploymentPortal.Core.Jobs;

/// <summary>
/// Employers and their postings. An employer account manages only its own employer and postings;
/// street and county staff enter employers and postings for them, verify employers and review
/// postings of their area. Every change audited.
/// </summary>
public interface IJobBoard
{
    /// <summary>The employer of the signed-in employer account, or null before it has registered one.</summary>
    Task<EmployerView?> MineAsync(CancellationToken cancellationToken);

    /// <summary>An employer account registers its employer (waits for verification).</summary>
    Task<(CommandResult Result, Guid? Id)> RegisterMineAsync(EmployerInput input, CancellationToken cancellationToken);

    /// <summary>Staff enter an employer of their area (no account; they manage its postings).</summary>
    Task<(CommandResult Result, Guid? Id)> EnterEmployerAsync(EmployerInput input, CancellationToken cancellationToken);

    Task<PagedResult<EmployerView>> EmployersAsync(EmployerStatus? status, int page, CancellationToken cancellationToken);

    Task<EmployerView?> EmployerAsync(Guid id, CancellationToken cancellationToken);

    Task<CommandResult> VerifyAsync(Guid id, bool verified, string? note, CancellationToken cancellationToken);

    /// <summary>A draft posting for the caller's own employer (employer accounts) or an employer of the area (staff).</summary>
    Task<(CommandResult Result, Guid? Id)> CreatePostingAsync(Guid employerId, PostingInput input, CancellationToken cancellationToken);

    /// <summary>
    /// Edits a draft. <paramref name="version"/> is the posting's version when the form was read:
    /// a posting changed since is refused (Posting.ChangedMeanwhile), never overwritten, unless it
    /// already holds exactly this change (a double-clicked save).
    /// </summary>
    Task<CommandResult> UpdatePostingAsync(Guid id, uint version, PostingInput input, CancellationToken cancellationToken);

    /// <summary>Submits a draft for review, as read at <paramref name="version"/> (changed since: refused).</summary>
    Task<CommandResult> SubmitPostingAsync(Guid id, uint version, CancellationToken cancellationToken);

    /// <summary>Street or county staff publish a pending posting or send it back with a note, as they saw it at <paramref name="version"/> (changed since: refused).</summary>
    Task<CommandResult> ReviewPostingAsync(Guid id, uint version, bool publish, string? note, CancellationToken cancellationToken);

    /// <summary>Closes a posting or marks it filled, as read at <paramref name="version"/> (changed since: refused).</summary>
    Task<CommandResult> EndPostingAsync(Guid id, uint version, bool filled, CancellationToken cancellationToken);

    /// <summary>A posting the caller may manage (own employer's, or of the staff member's area); null otherwise.</summary>
    Task<PostingView?> PostingAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Postings the caller manages: the employer account's own, or the staff member's area (pending review first).</summary>
    Task<PagedResult<PostingView>> PostingsAsync(PostingStatus? status, Guid? employerId, int page, CancellationToken cancellationToken);

    /// <summary>Marks published postings past their end date as expired; returns how many.</summary>
    Task<int> ExpireAsync(CancellationToken cancellationToken);
}

public sealed record EmployerInput(string? CreditCode, string? Name, string? Industry, EmployerSize? Size, int? RegionId, string? ContactName, string? ContactPhone);

public sealed record PostingInput(
    string? Title,
    string? Description,
    string? OccupationCode,
    int? RegionId,
    int? PayMin,
    int? PayMax,
    int? Headcount,
    PostingType? Type,
    EducationLevel? Education,
    string? Skills,
    string? ContactName,
    string? ContactPhone,
    DateOnly? ValidFrom,
    DateOnly? ValidTo);

public sealed record EmployerView(Employer Employer, string RegionName, int Postings);

public sealed record PostingView(Posting Posting, string EmployerName, EmployerStatus EmployerStatus, string RegionName);
