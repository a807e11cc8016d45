using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Jobs;

/// <summary>
/// Employers and their postings. An employer account manages only its own employer and postings;
/// street and county staff enter employers and postings for them, verify employers and review
/// postings of their area. Every change audited.
/// Over EF Core: staff read through the region scope filter; an employer
/// account has no region scope, so its own rows are read through <see cref="UnscopedReads"/>
/// (limited to its account) and attached to the scoped context for a write.
/// </summary>
public sealed class JobBoard(PortalDbContext db, UnscopedReads unscoped, SystemContexts system, AuditLog audit, ICurrentActor actor, BusinessClock clock)
{
    private const string EmployerEntity = "Employer";
    private const string PostingEntity = "Posting";
    private const int PageSize = 50;

    private DateOnly Today => clock.Today;

    /// <summary>An employer account acts for its own employer only, past the region scope.</summary>
    private bool IsEmployer => actor.Can(Capabilities.ActForOwnEmployer);

    /// <summary>The employer of the signed-in employer account, or null before it has registered one.</summary>
    public async Task<EmployerView?> MineAsync(CancellationToken cancellationToken) =>
        IsEmployer ? (await ViewsAsync(OwnEmployers().Take(1), cancellationToken)).FirstOrDefault() : null;

    /// <summary>An employer account registers its employer (waits for verification).</summary>
    public async Task<(CommandResult Result, Guid? Id)> RegisterMineAsync(EmployerInput input, CancellationToken cancellationToken)
    {
        if (!IsEmployer || actor.UserId is null)
        {
            return (CommandResult.Fail(string.Empty, "Employer.NotAnEmployerAccount"), null);
        }

        if (await OwnEmployers().AnyAsync(cancellationToken))
        {
            return (CommandResult.Fail(string.Empty, "Employer.AlreadyRegistered"), null);
        }

        return await AddEmployerAsync(input, actor.UserId, anyRegion: true, cancellationToken);
    }

    /// <summary>Staff enter an employer of their area (no account; they manage its postings).</summary>
    public Task<(CommandResult Result, Guid? Id)> EnterEmployerAsync(EmployerInput input, CancellationToken cancellationToken) =>
        IsEmployer ? Task.FromResult<(CommandResult, Guid?)>((CommandResult.Fail(string.Empty, "Employer.StaffOnly"), null)) : AddEmployerAsync(input, null, anyRegion: false, cancellationToken);

    public async Task<PagedResult<EmployerView>> EmployersAsync(EmployerStatus? status, int page, CancellationToken cancellationToken)
    {
        var employers = db.Employers.AsNoTracking();
        if (status is { } s)
        {
            employers = employers.Where(e => e.Status == s);
        }

        var total = await employers.CountAsync(cancellationToken);
        page = Math.Max(1, page);
        var items = await ViewsAsync(employers.OrderBy(e => e.Status).ThenBy(e => e.CreatedAt).Skip((page - 1) * PageSize).Take(PageSize), cancellationToken);
        return new PagedResult<EmployerView>(items, page, PageSize, total);
    }

    public async Task<EmployerView?> EmployerAsync(Guid id, CancellationToken cancellationToken) =>
        (await ViewsAsync(ManageableEmployers().Where(e => e.Id == id), cancellationToken)).SingleOrDefault();

    public async Task<CommandResult> VerifyAsync(Guid id, bool verified, string? note, CancellationToken cancellationToken)
    {
        if (!actor.Can(Capabilities.VerifyEmployers))
        {
            return CommandResult.Fail(string.Empty, "Employer.ReviewersOnly");
        }

        var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employer is null)
        {
            return CommandResult.Fail(string.Empty, "Employer.NotFound");
        }

        return await RunAsync(() => employer.Verify(verified, note, actor.Name, clock.UtcNow, actor.UserId), () =>
            audit.Add(verified ? "EmployerVerified" : "EmployerRejected", EmployerEntity, id.ToString(), employer.RegionCode, null, new { note }), cancellationToken);
    }

    /// <summary>A draft posting for the caller's own employer (employer accounts) or an employer of the area (staff).</summary>
    public async Task<(CommandResult Result, Guid? Id)> CreatePostingAsync(Guid employerId, PostingInput input, CancellationToken cancellationToken)
    {
        if (!await ManageableEmployers().AnyAsync(e => e.Id == employerId, cancellationToken))
        {
            return (CommandResult.Fail(string.Empty, "Employer.NotFound"), null);
        }

        var (details, error) = await DetailsAsync(input, cancellationToken);
        if (error is not null)
        {
            return (error, null);
        }

        Posting posting;
        try
        {
            posting = Posting.Create(employerId, details!, actor.Name, clock.UtcNow, Today, actor.UserId);
        }
        catch (JobsException e)
        {
            return (CommandResult.Refused(e), null);
        }

        db.Postings.Add(posting);
        audit.Add("PostingCreated", PostingEntity, posting.Id.ToString(), posting.RegionCode, null, Snapshot(posting));
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, posting.Id);
    }

    /// <summary>
    /// Edits a draft. <paramref name="version"/> is the posting's version when the form was read:
    /// a posting changed since is refused (Posting.ChangedMeanwhile), never overwritten, unless it
    /// already holds exactly this change (a double-clicked save).
    /// </summary>
    public async Task<CommandResult> UpdatePostingAsync(Guid id, uint version, PostingInput input, CancellationToken cancellationToken)
    {
        var posting = await ManageablePostingAsync(id, cancellationToken);
        if (posting is null)
        {
            return CommandResult.Fail(string.Empty, "Posting.NotFound");
        }

        var (details, error) = await DetailsAsync(input, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (posting.Version != version)
        {
            return SameChangeAlreadySaved(posting, details!) ? CommandResult.Ok : ChangedMeanwhile();
        }

        var before = Snapshot(posting);
        return await RunAsync(() => posting.Update(details!, Today, actor.UserId), () =>
            audit.Add("PostingUpdated", PostingEntity, id.ToString(), posting.RegionCode, before, Snapshot(posting)), cancellationToken);
    }

    /// <summary>Submits a draft for review, as read at <paramref name="version"/> (changed since: refused).</summary>
    public async Task<CommandResult> SubmitPostingAsync(Guid id, uint version, CancellationToken cancellationToken)
    {
        var posting = await ManageablePostingAsync(id, cancellationToken);
        return posting is null
            ? CommandResult.Fail(string.Empty, "Posting.NotFound")
            : posting.Version != version
            ? ChangedMeanwhile()
            : await RunAsync(posting.SubmitForReview, () => audit.Add("PostingSubmitted", PostingEntity, id.ToString(), posting.RegionCode, null, null), cancellationToken);
    }

    /// <summary>Street or county staff publish a pending posting or send it back with a note, as they saw it at <paramref name="version"/> (changed since: refused).</summary>
    public async Task<CommandResult> ReviewPostingAsync(Guid id, uint version, bool publish, string? note, CancellationToken cancellationToken)
    {
        if (!actor.Can(Capabilities.ReviewPostings))
        {
            return CommandResult.Fail(string.Empty, "Employer.ReviewersOnly");
        }

        var posting = await db.Postings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is null)
        {
            return CommandResult.Fail(string.Empty, "Posting.NotFound");
        }

        if (posting.Version != version)
        {
            // The reviewer would publish or return what they have not seen.
            return ChangedMeanwhile();
        }

        // The employer may be registered in another area than the workplace: its status is read past the scope.
        var employerStatus = await unscoped.EmployersByIds([posting.EmployerId]).Select(e => e.Status).SingleAsync(cancellationToken);
        return await RunAsync(() => posting.Review(publish, note, employerStatus, actor.Name, clock.UtcNow, Today, actor.UserId), () =>
            audit.Add(publish ? "PostingPublished" : "PostingReturned", PostingEntity, id.ToString(), posting.RegionCode, null, new { note }), cancellationToken);
    }

    /// <summary>Closes a posting or marks it filled, as read at <paramref name="version"/> (changed since: refused).</summary>
    public async Task<CommandResult> EndPostingAsync(Guid id, uint version, bool filled, CancellationToken cancellationToken)
    {
        var posting = await ManageablePostingAsync(id, cancellationToken);
        return posting is null
            ? CommandResult.Fail(string.Empty, "Posting.NotFound")
            : posting.Version != version
            ? ChangedMeanwhile()
            : await RunAsync(() => posting.End(filled, Today), () => audit.Add(filled ? "PostingFilled" : "PostingClosed", PostingEntity, id.ToString(), posting.RegionCode, null, null), cancellationToken);
    }

    /// <summary>A posting the caller may manage (own employer's, or of the staff member's area); null otherwise.</summary>
    public async Task<PostingView?> PostingAsync(Guid id, CancellationToken cancellationToken) =>
        (await PostingViewsAsync(ManageablePostings().Where(p => p.Id == id), cancellationToken)).SingleOrDefault();

    /// <summary>Postings the caller manages: the employer account's own, or the staff member's area (pending review first).</summary>
    public async Task<PagedResult<PostingView>> PostingsAsync(PostingStatus? status, Guid? employerId, int page, CancellationToken cancellationToken)
    {
        var postings = ManageablePostings();
        if (status is { } s)
        {
            postings = postings.Where(p => p.Status == s);
        }

        if (employerId is { } employer)
        {
            postings = postings.Where(p => p.EmployerId == employer);
        }

        var total = await postings.CountAsync(cancellationToken);
        page = Math.Max(1, page);
        var items = await PostingViewsAsync(
            postings.OrderBy(p => p.Status == PostingStatus.PendingReview ? 0 : 1).ThenByDescending(p => p.CreatedAt).Skip((page - 1) * PageSize).Take(PageSize),
            cancellationToken);
        return new PagedResult<PostingView>(items, page, PageSize, total);
    }

    /// <summary>Marks published postings past their end date as expired; returns how many.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        // A daily job over every area: a system context (DataScope.All), one set-based statement
        // over the partial index of published postings by end date.
        var today = Today;
        await using var all = system.Create();
        var expired = await all.Postings
            .Where(p => p.Status == PostingStatus.Published && p.ValidTo < today)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PostingStatus.Expired), cancellationToken);
        await all.Database.ExecuteSqlRawAsync(JobListingSql.Reconcile, cancellationToken);
        return expired;
    }

    private static CommandResult ChangedMeanwhile() => CommandResult.Fail(string.Empty, "Posting.ChangedMeanwhile");

    /// <summary>
    /// Whether a save from a form read before the posting's last change would change nothing: the
    /// second post of a double-clicked save finds its own change stored and is done, without a
    /// second audit event. The posting is left untracked either way.
    /// </summary>
    private bool SameChangeAlreadySaved(Posting posting, PostingDetails details)
    {
        try
        {
            posting.Update(details, Today, actor.UserId);
            db.ChangeTracker.DetectChanges();
            return db.Entry(posting).State == EntityState.Unchanged;
        }
        catch (JobsException)
        {
            // Not applicable as it stands (no longer a draft, or dates now past): not the same change.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static object Snapshot(Posting p) => new { p.Title, p.OccupationCode, p.RegionCode, p.PayMin, p.PayMax, p.Headcount, type = p.Type.ToString(), p.ValidFrom, p.ValidTo, status = p.Status.ToString() };

    private IQueryable<Employer> OwnEmployers() => unscoped.EmployersOfAccount(actor.UserId);

    /// <summary>What the caller may manage, for reading: an employer account its own employers, staff those of their area.</summary>
    private IQueryable<Employer> ManageableEmployers() => IsEmployer ? OwnEmployers() : db.Employers.AsNoTracking();

    /// <summary>What the caller may manage, for reading: an employer account its own postings, staff those of their area.</summary>
    private IQueryable<Posting> ManageablePostings() => IsEmployer ? unscoped.PostingsOfAccount(actor.UserId) : db.Postings.AsNoTracking();

    /// <summary>
    /// One posting the caller may manage, tracked by the scoped context for a write. An employer's
    /// own posting is read through <see cref="UnscopedReads"/> and attached with the version it was
    /// read at, so a change made meanwhile still fails the save. That covers only the moment between
    /// this read and the save: each command also compares the version its page was read at (a
    /// hidden field), so a form opened before another change (another tab, another user) is refused
    /// instead of overwriting it.
    /// </summary>
    private async Task<Posting?> ManageablePostingAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsEmployer)
        {
            return await db.Postings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        }

        var posting = await unscoped.PostingsOfAccount(actor.UserId).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is not null)
        {
            db.Postings.Attach(posting);
        }

        return posting;
    }

    /// <summary>Employers with their region's name and posting count (postings read past the scope: an employer's postings may lie in another area).</summary>
    private async Task<List<EmployerView>> ViewsAsync(IQueryable<Employer> employers, CancellationToken cancellationToken)
    {
        var rows = await employers.AsNoTracking().ToListAsync(cancellationToken);
        var regions = await RegionNamesAsync(rows.Select(e => e.RegionId), cancellationToken);
        var ids = rows.Select(e => e.Id).ToList();
        var counts = await unscoped.PostingsOfEmployers(ids)
            .GroupBy(p => p.EmployerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rows.Select(e => new EmployerView(e, regions[e.RegionId], counts.GetValueOrDefault(e.Id))).ToList();
    }

    /// <summary>Postings with their employer (read past the scope: registered perhaps in another area) and region names.</summary>
    private async Task<List<PostingView>> PostingViewsAsync(IQueryable<Posting> postings, CancellationToken cancellationToken)
    {
        var rows = await postings.AsNoTracking().ToListAsync(cancellationToken);
        var regions = await RegionNamesAsync(rows.Select(p => p.RegionId), cancellationToken);
        var ids = rows.Select(p => p.EmployerId).Distinct().ToList();
        var employers = await unscoped.EmployersByIds(ids)
            .ToDictionaryAsync(e => e.Id, e => new { e.Name, e.Status }, cancellationToken);
        return rows.Select(p => new PostingView(p, employers[p.EmployerId].Name, employers[p.EmployerId].Status, regions[p.RegionId])).ToList();
    }

    /// <summary>Region names (not scoped), in a query of their own: the rows may come from the unscoped context.</summary>
    private async Task<Dictionary<int, string>> RegionNamesAsync(IEnumerable<int> regionIds, CancellationToken cancellationToken)
    {
        var ids = regionIds.Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
    }

    private async Task<(CommandResult Result, Guid? Id)> AddEmployerAsync(EmployerInput input, Guid? accountId, bool anyRegion, CancellationToken cancellationToken)
    {
        if (!CreditCode.TryParse(input.CreditCode, out var code))
        {
            return (CommandResult.Fail("CreditCode", "Employer.CreditCodeInvalid"), null);
        }

        var region = input.RegionId is { } regionId ? await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, cancellationToken) : null;
        if (region is null || (!anyRegion && !db.Scope.Includes(region.Code)))
        {
            return (CommandResult.Fail("RegionId", "Employer.RegionRequired"), null);
        }

        Employer employer;
        try
        {
            employer = Employer.Create(code, input.Name ?? string.Empty, input.Industry ?? string.Empty, input.Size ?? 0, region.Id, region.Code, input.ContactName ?? string.Empty, input.ContactPhone ?? string.Empty, accountId, clock.UtcNow, actor.UserId);
        }
        catch (JobsException e)
        {
            return (CommandResult.Refused(e), null);
        }

        db.Employers.Add(employer);
        audit.Add("EmployerRegistered", EmployerEntity, employer.Id.ToString(), employer.RegionCode, null, new { employer.CreditCode, employer.Name, employer.Industry, size = employer.Size.ToString(), selfRegistered = accountId is not null });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return (CommandResult.Fail("CreditCode", "Employer.CreditCodeTaken"), null);
        }

        return (CommandResult.Ok, employer.Id);
    }

    private async Task<(PostingDetails? Details, CommandResult? Error)> DetailsAsync(PostingInput input, CancellationToken cancellationToken)
    {
        var missing = new List<(string, string)>();
        void Require(object? value, string field)
        {
            if (value is null)
            {
                missing.Add((field, "Validation.Required"));
            }
        }

        Require(input.PayMin, "PayMin");
        Require(input.PayMax, "PayMax");
        Require(input.Headcount, "Headcount");
        Require(input.Type, "Type");
        Require(input.ValidFrom, "ValidFrom");
        Require(input.ValidTo, "ValidTo");
        // Staff post within their area (else they could not see the posting again); employers anywhere.
        var region = input.RegionId is { } regionId ? await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, cancellationToken) : null;
        if (region is null || (!IsEmployer && !db.Scope.Includes(region.Code)))
        {
            missing.Add(("RegionId", "Posting.RegionRequired"));
        }

        // All refusals in one answer: what is missing, and the posting's rules on what was given
        // (a rule of two values only when both are there).
        if (missing.Count > 0)
        {
            missing.AddRange(new[] { Posting.PayRangeProblem(input.PayMin, input.PayMax), Posting.ValidRangeProblem(input.ValidFrom, input.ValidTo, Today) }
                .OfType<JobsException>().Select(e => (e.Field, e.MessageKey)));
            return (null, new CommandResult(missing));
        }

        var details = new PostingDetails(
            input.Title ?? string.Empty, input.Description ?? string.Empty, input.OccupationCode ?? string.Empty, region!.Id, region.Code,
            input.PayMin!.Value, input.PayMax!.Value, input.Headcount!.Value, input.Type!.Value, input.Education, input.Skills,
            input.ContactName ?? string.Empty, input.ContactPhone ?? string.Empty, input.ValidFrom!.Value, input.ValidTo!.Value);
        var problems = Posting.Problems(details, Today);
        return problems.Count > 0 ? (null, new CommandResult(problems.Select(e => (e.Field, e.MessageKey)).ToList())) : (details, null);
    }

    private async Task<CommandResult> RunAsync(Action change, Action audited, CancellationToken cancellationToken)
    {
        try
        {
            change();
        }
        catch (JobsException e)
        {
            return CommandResult.Refused(e);
        }

        audited();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Fail(string.Empty, "Posting.ChangedMeanwhile");
        }

        return CommandResult.Ok;
    }
}
