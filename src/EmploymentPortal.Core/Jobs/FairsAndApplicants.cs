using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Jobs;

/// <summary>Job fairs: staff of the organising area edit them; anyone reads them.</summary>
public sealed class JobFairService(PortalDbContext db, UnscopedReads unscoped, AuditLog audit, ICurrentActor actor)
{
    public const int PublicListSize = 100;

    /// <summary>Job fairs are public announcements.</summary>
    private IQueryable<JobFair> AllFairs() => unscoped.PublicJobFairs();

    public async Task<IReadOnlyList<JobFairRow>> PublicListAsync(DateOnly from, CancellationToken cancellationToken) =>
        await Rows(AllFairs().Where(f => f.Date >= from).OrderBy(f => f.Date)).ToListAsync(cancellationToken);

    /// <summary>The fairs of the caller's area, newest first.</summary>
    public async Task<IReadOnlyList<JobFairRow>> StaffListAsync(CancellationToken cancellationToken) =>
        await Rows(db.JobFairs.AsNoTracking().OrderByDescending(f => f.Date)).ToListAsync(cancellationToken);

    /// <summary>A fair with its employers and their published postings; <paramref name="staffScope"/> reads through the area filter.</summary>
    public async Task<JobFairView?> GetAsync(Guid id, bool staffScope, CancellationToken cancellationToken)
    {
        var source = staffScope ? db.JobFairs.AsNoTracking() : AllFairs();
        var fair = await source.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fair is null)
        {
            return null;
        }

        var ids = fair.EmployerIds.ToList();

        // The employers a fair names and their published postings are public (read past the scope).
        var employers = await unscoped.EmployersByIds(ids)
            .Where(e => e.Status == EmployerStatus.Verified).OrderBy(e => EF.Functions.Collate(e.Name, Collations.Pinyin)).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        var postings = await unscoped.PublishedPostings()
            .Where(p => ids.Contains(p.EmployerId)).OrderByDescending(p => p.PublishedAt).Take(500)
            .Select(p => new { p.EmployerId, Row = new JobFairPosting(p.Id, p.Title, p.PayMin, p.PayMax, p.Type) }).ToListAsync(cancellationToken);
        return new JobFairView(fair.Id, fair.Title, fair.Date, fair.Online, fair.Venue, fair.Description, ids,
            employers.Select(e => new JobFairEmployer(e.Id, e.Name, postings.Where(p => p.EmployerId == e.Id).Select(p => p.Row).ToList())).ToList());
    }

    /// <summary>Verified employers of the caller's area, to take part.</summary>
    public async Task<IReadOnlyList<EmployerOption>> EmployerOptionsAsync(CancellationToken cancellationToken) =>
        await db.Employers.AsNoTracking().Where(e => e.Status == EmployerStatus.Verified).OrderBy(e => EF.Functions.Collate(e.Name, Collations.Pinyin)).Take(500).Select(e => new EmployerOption(e.Id, e.Name)).ToListAsync(cancellationToken);

    /// <summary>Creates (no id) or edits a fair of the caller's area; the organising region is the caller's unit's.</summary>
    public async Task<(CommandResult Result, Guid? Id)> SaveAsync(Guid? id, string unitRegionCode, JobFairInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        var allowed = await db.Employers.Where(e => e.Status == EmployerStatus.Verified && input.EmployerIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (allowed.Count != input.EmployerIds.Distinct().Count())
        {
            return (CommandResult.Fail("EmployerIds", "JobFair.EmployerOutOfScope"), null);
        }

        JobFair fair;
        if (id is { } existing)
        {
            var found = await db.JobFairs.SingleOrDefaultAsync(f => f.Id == existing, cancellationToken);
            if (found is null)
            {
                return (CommandResult.Fail(string.Empty, "JobFair.NotFound"), null);
            }

            fair = found;
            try
            {
                fair.Update(input.Title, input.Date, input.Online, input.Venue, input.Description, allowed);
            }
            catch (JobsException refusal)
            {
                return (CommandResult.Refused(refusal), null);
            }

            audit.Add("JobFairUpdated", "JobFair", fair.Id.ToString(), fair.RegionCode, null, new { input.Title, input.Date, input.Online, employers = allowed.Count });
        }
        else
        {
            try
            {
                fair = JobFair.Create(unitRegionCode, input.Title, input.Date, input.Online, input.Venue, input.Description, allowed);
            }
            catch (JobsException refusal)
            {
                return (CommandResult.Refused(refusal), null);
            }

            db.JobFairs.Add(fair);
            audit.Add("JobFairCreated", "JobFair", fair.Id.ToString(), fair.RegionCode, null, new { input.Title, input.Date, input.Online, employers = allowed.Count, by = actor.Name });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, fair.Id);
    }

    private static IQueryable<JobFairRow> Rows(IQueryable<JobFair> fairs) =>
        fairs.Take(PublicListSize).Select(f => new JobFairRow(f.Id, f.Title, f.Date, f.Online, f.Venue, EF.Property<List<Guid>>(f, "_employerIds").Count));
}

/// <summary>An employer's own postings and their applicants, found through the employer's account link only.</summary>
public sealed class ApplicantService(UnscopedReads unscoped, PortalDbContext db, AuditLog audit, ICurrentActor actor, BusinessClock clock)
{
    // An employer has no area: every read is one of UnscopedReads' limited to the employers linked to the signed-in account.
    private Guid Account => actor.UserId ?? Guid.Empty;

    private IQueryable<Posting> OwnPostings() => unscoped.PostingsOfAccount(Account);

    public async Task<IReadOnlyList<EmployerPostingRow>> PostingsAsync(CancellationToken cancellationToken)
    {
        var applications = unscoped.ApplicationsToPostingsOfAccount(Account);
        return await OwnPostings().OrderByDescending(p => p.CreatedAt).Take(200)
            .Select(p => new EmployerPostingRow(p.Id, p.Title, p.Status, p.Type, applications.Count(a => a.PostingId == p.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The applicants of one of the employer's own postings (null: not theirs, or none such). On a
    /// public-welfare post, applicants certified as 4050 hardship persons come first, then those
    /// certified in another hardship category, then the rest, each in the order they applied.
    /// </summary>
    public async Task<(EmployerPostingRow Posting, IReadOnlyList<ApplicantRow> Applicants)?> ApplicantsAsync(Guid postingId, CancellationToken cancellationToken)
    {
        var posting = await OwnPostings().Where(p => p.Id == postingId).Select(p => new EmployerPostingRow(p.Id, p.Title, p.Status, p.Type, 0)).SingleOrDefaultAsync(cancellationToken);
        if (posting is null)
        {
            return null;
        }

        // Only which certifications an applicant's linked person holds, for this employer's own posting.
        var certifications = unscoped.ValidCertificationsOfApplicants(Account, clock.Today);
        var rows = await unscoped.ApplicationsToPostingsOfAccount(Account).Where(a => a.PostingId == postingId)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Phone,
                a.AppliedAt,
                a.Status,
                a.StatusOn,
                Is4050 = a.PersonId != null && certifications.Any(c => c.PersonId == a.PersonId && c.Category == EligibilityRules.Hardship4050),
                Certified = a.PersonId != null && certifications.Any(c => c.PersonId == a.PersonId),
            })
            .OrderBy(a => a.AppliedAt).Take(500)
            .ToListAsync(cancellationToken);
        var welfare = posting.Type == PostingType.PublicWelfare;
        var ranked = welfare ? rows.OrderBy(r => r.Is4050 ? 0 : r.Certified ? 1 : 2).ThenBy(r => r.AppliedAt) : rows.OrderBy(r => r.AppliedAt);
        return (posting with { Applicants = rows.Count }, ranked
            .Select(r => new ApplicantRow(r.Name, r.Phone, r.AppliedAt, !welfare ? ApplicantPriority.None : r.Is4050 ? ApplicantPriority.Hardship4050 : r.Certified ? ApplicantPriority.OtherHardship : ApplicantPriority.None, r.Id, r.Status, r.StatusOn))
            .ToList());
    }

    /// <summary>
    /// The employer sets where an application to one of their own postings stands (the seeker sees
    /// it under 我的投递); another employer's application is not found. Returns the applicant's name.
    /// </summary>
    public async Task<(CommandResult Result, string Name)> SetStatusAsync(Guid postingId, Guid applicationId, JobApplicationStatus status, CancellationToken cancellationToken)
    {
        // Ownership through the account's link only (UnscopedReads); the write is by id on the app's context (applications carry no area).
        if (!await unscoped.ApplicationsToPostingsOfAccount(Account).AnyAsync(a => a.Id == applicationId && a.PostingId == postingId, cancellationToken))
        {
            return (CommandResult.Fail(string.Empty, "JobApplication.NotFound"), string.Empty);
        }

        var application = await db.JobApplications.SingleAsync(a => a.Id == applicationId, cancellationToken);
        var before = application.Status;
        try
        {
            application.SetStatus(status, clock.Today);
        }
        catch (JobsException refusal)
        {
            return (CommandResult.Refused(refusal), application.Name);
        }

        audit.Add("JobApplicationStatusSet", "JobApplication", application.Id.ToString(), null, new { status = before.ToString() }, new { status = status.ToString(), postingId });
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, application.Name);
    }
}
