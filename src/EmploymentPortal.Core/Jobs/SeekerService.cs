using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Jobs;

/// <summary>
/// The job seeker's side: the link to their person record (staff decide link requests), saved
/// postings and applications.
/// A seeker's scope is empty, so their own rows and the public postings are read through
/// <see cref="UnscopedReads"/>, limited to the signed-in account or to what is published.
/// </summary>
public sealed class SeekerService(PortalDbContext db, UnscopedReads unscoped, IIdNumberProtector protector, AuditLog audit, ICurrentActor actor, BusinessClock clock)
{
    private Guid Account => actor.UserId ?? throw new InvalidOperationException("A seeker action needs a signed-in account.");

    private DateOnly Today => clock.Today;

    /// <summary>The account's live (pending or confirmed) link, else its newest.</summary>
    public async Task<SeekerLinkView?> GetLinkAsync(CancellationToken cancellationToken)
    {
        var account = Account;

        // The account's own requests; the region's name in a second query (the link comes from the unscoped context).
        var link = await unscoped.SeekerLinksOfAccount(account)
            .OrderBy(l => l.Status == SeekerLinkStatus.Rejected).ThenByDescending(l => l.RequestedAt)
            .Select(l => new { l.Status, l.IdNumberMasked, l.RegionId, l.WishedOccupationCode, l.RequestedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return null;
        }

        var region = await db.Regions.AsNoTracking().Where(r => r.Id == link.RegionId).Select(r => r.Name).FirstAsync(cancellationToken);
        return new SeekerLinkView(link.Status, link.IdNumberMasked, region, link.WishedOccupationCode, link.RequestedAt);
    }

    /// <summary>
    /// Published postings matched to the seeker's own wishes, best first, with the reasons: the
    /// wished occupation and community of their link request (their own words, even before staff
    /// confirm it), and once confirmed the skills, pay and type of their record. Null when the
    /// seeker has told nothing yet (no link request, or only a rejected one).
    /// </summary>
    public async Task<IReadOnlyList<MatchedPosting>?> MatchesAsync(int top, CancellationToken cancellationToken)
    {
        var account = Account;

        // The account's own live link request: its wish and community.
        var link = await unscoped.SeekerLinksOfAccount(account).Where(l => l.Status != SeekerLinkStatus.Rejected)
            .OrderByDescending(l => l.RequestedAt).Select(l => new { l.RegionCode, l.WishedOccupationCode }).FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return null;
        }

        var person = await unscoped.LinkedPersonFactsAsync(account, Today, cancellationToken);
        var facts = person is null
            ? new SeekerFacts(link.RegionCode, null, null, link.WishedOccupationCode, null, null, false)
            : new SeekerFacts(person.RegionCode, person.Education, person.Skills, link.WishedOccupationCode ?? JobMatching.OccupationCodeOf(person.WishedOccupation), person.WishedMonthlyPay, person.WishedWorkType, person.Hardship, person.WishedOccupation);
        return await PostingMatches.RankAsync(db, unscoped, facts, Today, top, cancellationToken);
    }

    public async Task<IReadOnlyList<RegionOption>> CommunitiesAsync(CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).Select(r => new RegionOption(r.Id, r.Code, r.Name)).ToListAsync(cancellationToken);

    public async Task<CommandResult> RequestLinkAsync(string name, string idNumber, string phone, int regionId, string? wishedOccupationCode, CancellationToken cancellationToken)
    {
        var problem = ResidentIdNumber.TryParse(idNumber, Today, out var id);
        if (problem != IdNumberProblem.None)
        {
            return CommandResult.Fail("IdNumber", "IdNumber." + problem);
        }

        phone = phone.Trim();
        if (phone.Length != 11 || !phone.All(char.IsAsciiDigit) || phone[0] != '1')
        {
            return CommandResult.Fail("Phone", "Seeker.PhoneInvalid");
        }

        var region = await db.Regions.AsNoTracking().Where(r => r.Id == regionId && r.Level == RegionLevel.Community).Select(r => new { r.Id, r.Code }).SingleOrDefaultAsync(cancellationToken);
        if (region is null)
        {
            return CommandResult.Fail("RegionId", "Seeker.CommunityRequired");
        }

        var account = Account;

        // The account's own requests.
        if (await unscoped.SeekerLinksOfAccount(account).AnyAsync(l => l.Status != SeekerLinkStatus.Rejected, cancellationToken))
        {
            return CommandResult.Fail(string.Empty, "Seeker.LinkExists");
        }

        SeekerLink link;
        try
        {
            link = SeekerLink.Request(account, name, protector.LookupHash(id), id.Masked, phone, region.Id, region.Code, string.IsNullOrEmpty(wishedOccupationCode) ? null : wishedOccupationCode, clock.UtcNow);
        }
        catch (JobsException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        db.SeekerLinks.Add(link);
        audit.Add("SeekerLinkRequested", "SeekerLink", link.Id.ToString(), link.RegionCode, null, new { idNumber = link.IdNumberMasked });
        return await SaveUniqueAsync("Seeker.LinkExists", cancellationToken);
    }

    /// <summary>Staff: the pending requests naming a community of their area.</summary>
    public async Task<IReadOnlyList<PendingLinkRow>> PendingLinksAsync(CancellationToken cancellationToken)
    {
        var rows = await db.SeekerLinks.AsNoTracking().Where(l => l.Status == SeekerLinkStatus.Pending).OrderBy(l => l.RequestedAt).Take(200)
            .Select(l => new { l.Id, l.Name, l.IdNumberMasked, l.Phone, Region = db.Regions.Where(r => r.Id == l.RegionId).Select(r => r.Name).First(), l.RequestedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(l => new PendingLinkRow(l.Id, l.Name, l.IdNumberMasked, Person.MaskPhone(l.Phone), l.Region, l.RequestedAt)).ToList();
    }

    /// <summary>Staff confirm only when a person of their area has both the ID number and the phone; or they reject.</summary>
    public async Task<CommandResult> DecideLinkAsync(Guid linkId, bool confirm, CancellationToken cancellationToken)
    {
        var link = await db.SeekerLinks.SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
        {
            return CommandResult.Fail(string.Empty, "Seeker.LinkNotFound");
        }

        if (link.Status != SeekerLinkStatus.Pending)
        {
            return CommandResult.Fail(string.Empty, "Seeker.LinkDecided");
        }

        if (!confirm)
        {
            link.Reject(actor.Name, clock.UtcNow);
            audit.Add("SeekerLinkRejected", "SeekerLink", link.Id.ToString(), link.RegionCode, null, null);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Ok;
        }

        // Persons read through the scope filter: only a person of the staff member's area matches.
        var hash = link.IdNumberHash;
        var phone = link.Phone;
        var person = await db.Persons.AsNoTracking().Where(p => p.IdNumberHash == hash && p.Phone == phone).Select(p => new { p.Id }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return CommandResult.Fail(string.Empty, "Seeker.NoMatch");
        }

        link.Confirm(person.Id, actor.Name, clock.UtcNow);
        audit.Add("SeekerLinkConfirmed", "SeekerLink", link.Id.ToString(), link.RegionCode, null, new { personId = person.Id });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>A published posting as a seeker sees it, with whether they saved or applied to it.</summary>
    public async Task<SeekerPostingView?> GetPostingAsync(Guid postingId, CancellationToken cancellationToken)
    {
        var account = Account;

        // Published postings are public (the unscoped context); the region's name and the account's
        // own saved and applied marks in a second query, on the request's context.
        var posting = await unscoped.PublishedPostingsWithEmployers().Where(x => x.Posting.Id == postingId)
            .Select(x => new { x.Posting.Id, x.Posting.Title, x.Posting.Description, x.EmployerName, x.Posting.RegionId, x.Posting.OccupationCode, x.Posting.PayMin, x.Posting.PayMax, x.Posting.Type, x.Posting.ValidTo })
            .SingleOrDefaultAsync(cancellationToken);
        if (posting is null)
        {
            return null;
        }

        var mine = await db.Regions.AsNoTracking().Where(r => r.Id == posting.RegionId)
            .Select(r => new
            {
                r.Name,
                Saved = db.SavedPostings.Any(s => s.AccountId == account && s.PostingId == posting.Id),
                Applied = db.JobApplications.Any(a => a.AccountId == account && a.PostingId == posting.Id),
            })
            .FirstAsync(cancellationToken);
        return new SeekerPostingView(
            posting.Id, posting.Title, posting.Description, posting.EmployerName, mine.Name,
            posting.OccupationCode, posting.PayMin, posting.PayMax, posting.Type, posting.ValidTo, mine.Saved, mine.Applied);
    }

    public async Task<CommandResult> SaveAsync(Guid postingId, bool save, CancellationToken cancellationToken)
    {
        var account = Account;
        var saved = await db.SavedPostings.SingleOrDefaultAsync(s => s.AccountId == account && s.PostingId == postingId, cancellationToken);
        if (!save)
        {
            if (saved is not null)
            {
                db.SavedPostings.Remove(saved);
                await db.SaveChangesAsync(cancellationToken);
            }

            return CommandResult.Ok;
        }

        if (saved is not null)
        {
            return CommandResult.Ok;
        }

        if (!await Published().AnyAsync(p => p.Id == postingId, cancellationToken))
        {
            return CommandResult.Fail(string.Empty, "Posting.NotPublished");
        }

        db.SavedPostings.Add(SavedPosting.Save(account, postingId, clock.UtcNow));
        return await SaveUniqueAsync(null, cancellationToken);
    }

    /// <summary>
    /// Applies once: a second click (or a race) finds the first application and succeeds without
    /// another. <paramref name="sharesHardship"/>: the seeker's consent to the employer seeing their hardship category.
    /// </summary>
    public async Task<CommandResult> ApplyAsync(Guid postingId, bool sharesHardship, CancellationToken cancellationToken)
    {
        var account = Account;
        if (await db.JobApplications.AnyAsync(a => a.AccountId == account && a.PostingId == postingId, cancellationToken))
        {
            return CommandResult.Ok;
        }

        var posting = await Published().Where(p => p.Id == postingId).Select(p => new { p.Id, p.Status, p.RegionCode }).SingleOrDefaultAsync(cancellationToken);
        if (posting is null)
        {
            return CommandResult.Fail(string.Empty, "Posting.NotPublished");
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == account).Select(u => new { u.DisplayName, u.UserName, u.PhoneNumber }).SingleAsync(cancellationToken);

        // The account's own confirmed link.
        var personId = await unscoped.SeekerLinksOfAccount(account)
            .Where(l => l.Status == SeekerLinkStatus.Confirmed).Select(l => l.PersonId).FirstOrDefaultAsync(cancellationToken);
        var application = JobApplication.Apply(posting.Id, posting.Status, account, personId, user.DisplayName, user.PhoneNumber ?? user.UserName ?? string.Empty, sharesHardship, clock.UtcNow);
        db.JobApplications.Add(application);
        audit.Add("JobApplied", "JobApplication", application.Id.ToString(), posting.RegionCode, null, new { postingId, sharesHardship });
        return await SaveUniqueAsync(null, cancellationToken);
    }

    public Task<IReadOnlyList<SeekerPostingRow>> SavedAsync(CancellationToken cancellationToken)
    {
        var account = Account;
        return RowsAsync(db.SavedPostings.Where(s => s.AccountId == account).Select(s => new PostingAt { PostingId = s.PostingId, At = s.SavedAt }), cancellationToken);
    }

    /// <summary>
    /// The seeker's applications, newest first, each with its own state: 已投递 on the day applied,
    /// the status the employer set (已查看, 邀请面试, 已录用, 未录用) on its day, and the outcome staff
    /// recorded on a referral of the seeker's linked person to the same posting (面试, 录用, 未录用,
    /// 未到场) on its day. The posting's own state is a separate fact.
    /// </summary>
    public async Task<IReadOnlyList<SeekerApplicationRow>> ApplicationsAsync(CancellationToken cancellationToken)
    {
        var account = Account;
        var rows = await RowsAsync(db.JobApplications.Where(a => a.AccountId == account).Select(a => new PostingAt { PostingId = a.PostingId, At = a.AppliedAt }), cancellationToken);
        var outcomes = await unscoped.OwnReferralOutcomesAsync(account, rows.Select(r => r.Id).ToList(), cancellationToken);
        var statuses = await db.JobApplications.AsNoTracking().Where(a => a.AccountId == account)
            .Select(a => new { a.PostingId, a.Status, a.StatusOn }).ToDictionaryAsync(a => a.PostingId, cancellationToken);
        return rows.Select(r =>
            {
                var status = statuses.GetValueOrDefault(r.Id);
                return outcomes.TryGetValue(r.Id, out var o)
                    ? new SeekerApplicationRow(r, o.Outcome, o.On, status?.Status ?? JobApplicationStatus.Submitted, status?.StatusOn)
                    : new SeekerApplicationRow(r, null, null, status?.Status ?? JobApplicationStatus.Submitted, status?.StatusOn);
            })
            .ToList();
    }

    /// <summary>
    /// The seeker's saved or applied postings, newest first: the account's own marks, then the
    /// postings they name (whatever their state now) with their employers' names through
    /// <see cref="UnscopedReads"/>, then the regions' names: three queries, one context each.
    /// </summary>
    private async Task<IReadOnlyList<SeekerPostingRow>> RowsAsync(IQueryable<PostingAt> mine, CancellationToken cancellationToken)
    {
        var marks = await mine.OrderByDescending(m => m.At).Take(200).Select(m => new { m.PostingId, m.At }).ToListAsync(cancellationToken);
        var ids = marks.Select(m => m.PostingId).Distinct().ToList();
        var postings = await unscoped.PostingsWithEmployersByIds(ids)
            .Select(x => new { x.Posting.Id, x.Posting.Title, x.EmployerName, x.Posting.RegionId, x.Posting.PayMin, x.Posting.PayMax, x.Posting.Type, x.Posting.Status })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var regionIds = postings.Values.Select(p => p.RegionId).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return marks.Select(m => (Mark: m, Posting: postings[m.PostingId]))
            .Select(x => new SeekerPostingRow(x.Posting.Id, x.Posting.Title, x.Posting.EmployerName, regions[x.Posting.RegionId], x.Posting.PayMin, x.Posting.PayMax, x.Posting.Type, x.Posting.Status, x.Mark.At))
            .ToList();
    }

    /// <summary>Published postings are public; every caller adds its own condition.</summary>
    private IQueryable<Posting> Published() => unscoped.PublishedPostings();

    private async Task<CommandResult> SaveUniqueAsync(string? duplicateKey, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Ok;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A second click raced the first: the one row stands.
            db.ChangeTracker.Clear();
            return duplicateKey is null ? CommandResult.Ok : CommandResult.Fail(string.Empty, duplicateKey);
        }
    }
}

/// <summary>A posting the seeker saved or applied to, and when (an initializer, so EF Core can translate its members in the join).</summary>
internal sealed class PostingAt
{
    public Guid PostingId { get; init; }

    public DateTimeOffset At { get; init; }
}
