using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Layoffs;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Scoping;

/// <summary>
/// Every read that legitimately looks past the caller's region scope, each one named and limited by
/// its own condition (published, the signed-in account's own rows, ids already chosen in scope, the
/// register-wide duplicate check that names only the holding unit…). The reads run on a second
/// context created with <see cref="DataScope.All"/>, never on the request's scoped context: EF Core
/// refuses to compose two context instances in one query, so an unscoped part cannot widen a scoped
/// query unnoticed (docs/scoping.md, "Unscoped reads"). Results are not tracked; a write goes
/// through the scoped context (attach what was read here).
/// </summary>
public sealed class UnscopedReads(SystemContexts contexts) : IDisposable, IAsyncDisposable
{
    private PortalDbContext? _db;

    private PortalDbContext Db => _db ??= contexts.Create();

    // ---- Jobs: public postings, employers and fairs -------------------------------------------

    /// <summary>Published postings: public (search, matching, seekers), whatever their area.</summary>
    public IQueryable<Posting> PublishedPostings() =>
        Db.Postings.AsNoTracking().Where(p => p.Status == PostingStatus.Published);

    /// <summary>Published postings with their employer's name, status and credit code.</summary>
    public IQueryable<PostingWithEmployer> PublishedPostingsWithEmployers() => WithEmployers(PublishedPostings());

    /// <summary>Postings already chosen in scope (referred to, saved, applied to), by id, whatever their state now.</summary>
    public IQueryable<Posting> PostingsByIds(IReadOnlyCollection<Guid> ids) =>
        Db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id));

    /// <summary><see cref="PostingsByIds"/> with their employer's name.</summary>
    public IQueryable<PostingWithEmployer> PostingsWithEmployersByIds(IReadOnlyCollection<Guid> ids) => WithEmployers(PostingsByIds(ids));

    /// <summary>The postings of employers already chosen in scope (an employer may post in another area).</summary>
    public IQueryable<Posting> PostingsOfEmployers(IReadOnlyCollection<Guid> employerIds) =>
        Db.Postings.AsNoTracking().Where(p => employerIds.Contains(p.EmployerId));

    /// <summary>Employers by id, for rows already chosen in scope (an employer may be registered in another area).</summary>
    public IQueryable<Employer> EmployersByIds(IReadOnlyCollection<Guid> ids) =>
        Db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id));

    /// <summary>The names of employers already chosen in scope.</summary>
    public async Task<Dictionary<Guid, string>> EmployerNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await EmployersByIds(ids).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);

    /// <summary>
    /// The connection raw SQL reads the public job listing on (<c>job_listings</c>, with the names
    /// of its verified employers and regions): open, and closed with this class.
    /// </summary>
    public async Task<Npgsql.NpgsqlConnection> OpenPublicListingsAsync(CancellationToken cancellationToken)
    {
        await Db.Database.OpenConnectionAsync(cancellationToken);
        return (Npgsql.NpgsqlConnection)Db.Database.GetDbConnection();
    }

    /// <summary>Job fairs: public announcements.</summary>
    public IQueryable<JobFair> PublicJobFairs() => Db.JobFairs.AsNoTracking();

    // ---- An account's own rows (employer and seeker accounts have no region scope) -------------

    /// <summary>The employers linked to an account (none for a null account).</summary>
    public IQueryable<Employer> EmployersOfAccount(Guid? accountId) =>
        Db.Employers.AsNoTracking().Where(e => accountId != null && e.AccountId == accountId);

    /// <summary>The postings of the employers linked to an account.</summary>
    public IQueryable<Posting> PostingsOfAccount(Guid? accountId)
    {
        var own = EmployersOfAccount(accountId).Select(e => e.Id);
        return Db.Postings.AsNoTracking().Where(p => own.Contains(p.EmployerId));
    }

    /// <summary>The applications to the postings of the employers linked to an account.</summary>
    public IQueryable<JobApplication> ApplicationsToPostingsOfAccount(Guid? accountId)
    {
        var own = PostingsOfAccount(accountId).Select(p => p.Id);
        return Db.JobApplications.AsNoTracking().Where(a => own.Contains(a.PostingId));
    }

    /// <summary>
    /// The certifications valid on <paramref name="date"/> of the persons linked to applications to
    /// an account's own postings: only which certifications an applicant holds.
    /// </summary>
    public IQueryable<HardshipCertification> ValidCertificationsOfApplicants(Guid? accountId, DateOnly date)
    {
        // Only applicants who consented to the employer seeing their hardship category (JobApplication.SharesHardship).
        var applicants = ApplicationsToPostingsOfAccount(accountId).Where(a => a.PersonId != null && a.SharesHardship).Select(a => a.PersonId!.Value);
        return Subsidies.CertifiedPersons.ValidOn(Db.HardshipCertifications.AsNoTracking(), date).Where(c => applicants.Contains(c.PersonId));
    }

    /// <summary>The layoff reports of the employers linked to an account.</summary>
    public IQueryable<LayoffReport> LayoffReportsOfAccount(Guid? accountId)
    {
        var own = EmployersOfAccount(accountId).Select(e => e.Id);
        return Db.LayoffReports.AsNoTracking().Where(r => own.Contains(r.EmployerId));
    }

    /// <summary>A seeker account's own link requests.</summary>
    public IQueryable<SeekerLink> SeekerLinksOfAccount(Guid accountId) =>
        Db.SeekerLinks.AsNoTracking().Where(l => l.AccountId == accountId);

    /// <summary>The wished occupation of a person's own confirmed link, for a person the caller already read in scope.</summary>
    public async Task<string?> ConfirmedLinkWishAsync(Guid personId, CancellationToken cancellationToken) =>
        await Db.SeekerLinks.AsNoTracking()
            .Where(l => l.PersonId == personId && l.Status == SeekerLinkStatus.Confirmed).Select(l => l.WishedOccupationCode).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// What matching reads of the person named by a seeker account's own confirmed link (null: no
    /// confirmed link): the seeker's own record, shown to them only as the reasons of their matches.
    /// </summary>
    public async Task<LinkedPersonFacts?> LinkedPersonFactsAsync(Guid accountId, DateOnly today, CancellationToken cancellationToken)
    {
        var personId = await SeekerLinksOfAccount(accountId).Where(l => l.Status == SeekerLinkStatus.Confirmed && l.PersonId != null)
            .Select(l => l.PersonId).FirstOrDefaultAsync(cancellationToken);
        if (personId is not { } id)
        {
            return null;
        }

        var certified = Subsidies.CertifiedPersons.On(Db, today);
        var row = await Db.Persons.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.RegionCode, p.Education, p.Skills, p.WishedOccupation, p.WishedMonthlyPay, p.WishedWorkType, p.PriorityGroups, Certified = certified.Contains(p.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new LinkedPersonFacts(row.RegionCode, row.Education, row.Skills, row.WishedOccupation, row.WishedMonthlyPay, row.WishedWorkType, JobMatching.IsHardship(row.Certified, row.PriorityGroups));
    }

    /// <summary>
    /// The outcomes staff recorded on referrals of the person named by a seeker account's own
    /// confirmed link to <paramref name="postingIds"/> (the seeker's own applications), newest per posting.
    /// </summary>
    public async Task<Dictionary<Guid, (ReferralOutcome Outcome, DateOnly On)>> OwnReferralOutcomesAsync(Guid accountId, IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken)
    {
        var persons = SeekerLinksOfAccount(accountId).Where(l => l.Status == SeekerLinkStatus.Confirmed && l.PersonId != null).Select(l => l.PersonId!.Value);
        var rows = await Db.Referrals.AsNoTracking()
            .Where(r => persons.Contains(r.PersonId) && postingIds.Contains(r.PostingId) && r.Outcome != ReferralOutcome.Referred && r.OutcomeOn != null)
            .Select(r => new { r.PostingId, r.Outcome, r.OutcomeOn, r.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PostingId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedAt).Select(r => (r.Outcome, r.OutcomeOn!.Value)).First());
    }

    // ---- Persons: the register-wide duplicate check and transfers ------------------------------

    /// <summary>
    /// Who holds an ID number (by its blind index) anywhere in the register: the id only when the
    /// record lies in <paramref name="scope"/>, and the holding unit's name (null: not registered).
    /// </summary>
    public async Task<IdNumberHolder?> IdNumberHolderAsync(byte[] hash, DataScope scope, CancellationToken cancellationToken) =>
        (await IdNumberHoldersAsync([hash], scope, cancellationToken)).Values.SingleOrDefault();

    /// <summary>
    /// The holders of many ID numbers (the ledger import), keyed by the hex of the blind index:
    /// whether each lies in <paramref name="scope"/> (then its id and the holding unit's name; of another area nothing more).
    /// </summary>
    public async Task<Dictionary<string, IdNumberHolder>> IdNumberHoldersAsync(IReadOnlyCollection<byte[]> hashes, DataScope scope, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IdNumberHolder>(StringComparer.Ordinal);
        foreach (var batch in hashes.Chunk(5_000))
        {
            var rows = await Db.Persons.AsNoTracking()
                .Where(p => batch.Contains(p.IdNumberHash))
                .Select(p => new
                {
                    p.Id,
                    p.IdNumberHash,
                    p.RegionCode,
                    Unit = Db.OrgUnits.Where(u => u.RegionCode == p.RegionCode).Select(u => u.Name).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var inScope = scope.Includes(row.RegionCode);
                found[Convert.ToHexString(row.IdNumberHash)] = new IdNumberHolder(inScope, inScope ? row.Id : null, inScope ? row.Unit ?? row.RegionCode : null);
            }
        }

        return found;
    }

    /// <summary>The person a transfer is requested for, by the blind index of the ID number the requester typed: only its id and region.</summary>
    public async Task<TransferSubject?> TransferSubjectAsync(byte[] hash, CancellationToken cancellationToken) =>
        await Db.Persons.AsNoTracking()
            .Where(p => p.IdNumberHash == hash).Select(p => new TransferSubject(p.Id, p.RegionId, p.RegionCode)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Whether a person has a pending transfer, at either end or neither.</summary>
    public async Task<bool> TransferPendingAsync(Guid personId, CancellationToken cancellationToken) =>
        await Db.TransferRequests.AsNoTracking().AnyAsync(t => t.PersonId == personId && t.Status == TransferStatus.Pending, cancellationToken);

    /// <summary>The persons of transfers already read in scope: the masked number always, the name only when the person lies in <paramref name="scope"/>.</summary>
    public async Task<Dictionary<Guid, TransferPerson>> TransferPersonsAsync(IReadOnlyCollection<Guid> personIds, DataScope scope, CancellationToken cancellationToken)
    {
        var rows = await Db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.RegionCode })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(p => p.Id, p => new TransferPerson(scope.Includes(p.RegionCode) ? p.Name : null, p.IdNumberMasked));
    }

    // ---- Sign-in ------------------------------------------------------------------------------

    /// <summary>The unit a user signing in belongs to: the scope is being established from it, so the caller has none yet.</summary>
    public async Task<SignInUnit> SignInUnitAsync(int unitId, CancellationToken cancellationToken) =>
        await Db.OrgUnits.AsNoTracking()
            .Where(u => u.Id == unitId)
            .Select(u => new SignInUnit(u.Id, u.Name, u.Kind, u.RegionCode))
            .SingleAsync(cancellationToken);

    // ---- Public service points and notices ----------------------------------------------------

    /// <summary>The station of a community, else the office of its street: only its name and kind (null: none).</summary>
    public async Task<ServicePointUnit?> ServicePointUnitAsync(string communityCode, string streetCode, CancellationToken cancellationToken) =>
        await Db.OrgUnits.AsNoTracking()
            .Where(u => (u.RegionCode == communityCode && u.Kind == OrgUnitKind.CommunityStation)
                || (u.RegionCode == streetCode && u.Kind == OrgUnitKind.StreetOffice))
            .OrderByDescending(u => u.Kind)
            .ThenBy(u => u.Id)
            .Select(u => new ServicePointUnit(u.Name, u.Kind))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Notices public on <paramref name="today"/>: started on or before it, and not ended more than
    /// <paramref name="retentionDays"/> days before it (<see cref="Subsidies.NoticeOptions.PublicRetentionDays"/>).
    /// </summary>
    public IQueryable<Notice> PublicNotices(DateOnly today, int retentionDays)
    {
        var endedSince = today.AddDays(-Math.Max(0, retentionDays));
        return Db.Notices.AsNoTracking().Where(n => n.StartsOn <= today && n.EndsOn >= endedSince);
    }

    /// <summary>
    /// The entries of public notices: the notices' public read model, masked when the notice was
    /// published (names and ID numbers never in full); never the applications themselves.
    /// </summary>
    public IQueryable<NoticeEntry> PublicNoticeEntries(DateOnly today, int retentionDays)
    {
        var notices = PublicNotices(today, retentionDays).Select(n => n.Id);
        return Db.NoticeEntries.AsNoTracking().Where(e => notices.Contains(e.NoticeId));
    }

    /// <summary>A notice and the public entry of one application, for an objection from the public (the domain checks the entry is on the notice and the notice open).</summary>
    public async Task<(Notice? Notice, NoticeEntry? Entry)> NoticeAndEntryAsync(Guid noticeId, Guid applicationId, CancellationToken cancellationToken)
    {
        var notice = await Db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        var entry = await Db.NoticeEntries.AsNoTracking().SingleOrDefaultAsync(e => e.ApplicationId == applicationId, cancellationToken);
        return (notice, entry);
    }

    public void Dispose() => _db?.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    private IQueryable<PostingWithEmployer> WithEmployers(IQueryable<Posting> postings) =>
        from p in postings
        join e in Db.Employers on p.EmployerId equals e.Id
        select new PostingWithEmployer { Posting = p, EmployerName = e.Name, EmployerStatus = e.Status, EmployerCreditCode = e.CreditCode };
}

/// <summary>A posting with its employer's public facts (an initializer, so EF Core can translate further filters on it).</summary>
public sealed class PostingWithEmployer
{
    public required Posting Posting { get; init; }

    public required string EmployerName { get; init; }

    public required EmployerStatus EmployerStatus { get; init; }

    public required string EmployerCreditCode { get; init; }
}

/// <summary>The holder of an ID number: <see cref="Id"/> only in the caller's scope; the holding unit's name (or region code) always.</summary>
/// <summary>A holder of an ID number: in the caller's area (then its id and unit) or not (then nothing more: issue 15, finding 8).</summary>
public sealed record IdNumberHolder(bool InScope, Guid? Id, string? UnitName);

/// <summary>What matching reads of a seeker's own linked person.</summary>
public sealed record LinkedPersonFacts(string RegionCode, EducationLevel Education, string? Skills, string? WishedOccupation, decimal? WishedMonthlyPay, WorkType? WishedWorkType, bool Hardship);

public sealed record TransferSubject(Guid Id, int RegionId, string RegionCode);

public sealed record TransferPerson(string? NameInScope, string IdNumberMasked);

public sealed record ServicePointUnit(string Name, OrgUnitKind Kind);

/// <summary>The unit a user signs in with, from which their data scope comes.</summary>
public sealed record SignInUnit(int Id, string Name, OrgUnitKind Kind, string RegionCode);
