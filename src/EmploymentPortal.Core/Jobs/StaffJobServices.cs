using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Households;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Jobs;
using EmploymentPortal.Domain.Persons;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Core.Jobs;

/// <summary>
/// Staff work on jobs for the people of their area: matching with reasons, referrals with
/// outcomes, and the monthly push. Persons are read through the scope filter; published
/// postings are public and read through <see cref="UnscopedReads"/>, each in a query of its own.
/// </summary>
public sealed class StaffJobServices(PortalDbContext db, UnscopedReads unscoped, PersonRegistry registry, HouseholdDerivation households, AuditLog audit, ICurrentActor actor, BusinessClock clock)
{
    /// <summary>How many candidates the database ranks before the reasons are worked out (bounded reads).</summary>
    public const int Candidates = 100;

    /// <summary>Today in the portal's clock (the default date of an outcome).</summary>
    public DateOnly Today => clock.Today;

    public async Task<PersonForMatching?> PersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var certified = Subsidies.CertifiedPersons.On(db, Today);
        return await db.Persons.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.Name, p.RegionCode, p.EmploymentStatus, Certified = certified.Contains(p.Id), p.PriorityGroups })
            .ToListAsync(cancellationToken) is [var p] ? new PersonForMatching(p.Id, p.Name, p.RegionCode, p.EmploymentStatus, JobMatching.IsHardship(p.Certified, p.PriorityGroups)) : null;
    }

    public async Task<PostingForMatching?> PostingAsync(Guid postingId, CancellationToken cancellationToken)
    {
        return await unscoped.PublishedPostingsWithEmployers().Where(x => x.Posting.Id == postingId)
            .Select(x => new PostingForMatching(x.Posting.Id, x.Posting.Title, x.EmployerName, x.Posting.Type))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Published postings ranked by fit for a person of the caller's area (null: not found).</summary>
    public async Task<IReadOnlyList<MatchedPosting>?> MatchPostingsAsync(Guid personId, int top, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        // The person's own link (their wish), read past the scope for a person already read in scope.
        var linkedWish = await unscoped.ConfirmedLinkWishAsync(personId, cancellationToken);
        var certified = await Subsidies.CertifiedPersons.On(db, Today).ContainsAsync(personId, cancellationToken);
        var facts = new SeekerFacts(person.RegionCode, person.Education, person.Skills, linkedWish ?? JobMatching.OccupationCodeOf(person.WishedOccupation), person.WishedMonthlyPay, person.WishedWorkType, JobMatching.IsHardship(certified, person.PriorityGroups), person.WishedOccupation);
        return await PostingMatches.RankAsync(db, unscoped, facts, Today, top, cancellationToken);
    }

    /// <summary>The registered unemployed of the caller's area who fit a published posting, best first (null: not found).</summary>
    public async Task<IReadOnlyList<MatchedPerson>?> MatchPersonsAsync(Guid postingId, int top, CancellationToken cancellationToken)
    {
        var posting = await Published().AsNoTracking().SingleOrDefaultAsync(p => p.Id == postingId, cancellationToken);
        if (posting is null)
        {
            return null;
        }

        var district = posting.RegionCode[..6];
        var street = posting.RegionCode[..9];
        var persons = db.Persons.AsNoTracking().Where(p => p.UnemployedSince != null && p.WantsWork && p.LaborCapacity != LaborCapacity.None);
        var certifiedIds = Subsidies.CertifiedPersons.On(db, Today);
        if (posting.Type == PostingType.PublicWelfare)
        {
            persons = persons.Where(p => certifiedIds.Contains(p.Id) || (p.PriorityGroups & JobMatching.HardshipGroups) != 0);
        }

        var candidates = await persons
            .OrderByDescending(p => p.RegionCode == posting.RegionCode ? 3 : p.RegionCode.StartsWith(street) ? 2 : p.RegionCode.StartsWith(district) ? 1 : 0)
            .ThenByDescending(p => posting.Education == null || p.Education >= posting.Education)
            .ThenBy(p => p.UnemployedSince)
            .Take(Candidates)
            .Select(p => new { p.Id, p.Name, p.RegionId, p.RegionCode, p.Education, p.Skills, p.WishedOccupation, p.WishedMonthlyPay, p.WishedWorkType, Certified = certifiedIds.Contains(p.Id), p.PriorityGroups })
            .ToListAsync(cancellationToken);

        var facts = new PostingFacts(posting.RegionCode, posting.OccupationCode, posting.Education, posting.Skills, posting.PayMin, posting.PayMax, posting.Type, posting.Title, posting.Description);
        var scored = candidates
            .Select(p => (p, score: JobMatching.Score(new SeekerFacts(p.RegionCode, p.Education, p.Skills, JobMatching.OccupationCodeOf(p.WishedOccupation), p.WishedMonthlyPay, p.WishedWorkType, JobMatching.IsHardship(p.Certified, p.PriorityGroups), p.WishedOccupation), facts)))
            .Where(x => x.score is not null)
            .OrderByDescending(x => x.score!.Points)
            .Take(top)
            .ToList();
        var regionIds = scored.Select(x => x.p.RegionId).Distinct().ToList();
        var regionNames = await db.Regions.Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return scored.Select(x => new MatchedPerson(x.p.Id, x.p.Name, regionNames[x.p.RegionId], x.score!.Points, x.score.Reasons)).ToList();
    }

    /// <summary>Refers a person of the caller's area to a published posting (recorded on their timeline too).</summary>
    public async Task<CommandResult> ReferAsync(Guid personId, Guid postingId, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.RegionCode }).SingleOrDefaultAsync(cancellationToken);
        var posting = await Published().Where(p => p.Id == postingId).Select(p => new { p.Id, p.Status, p.Title }).SingleOrDefaultAsync(cancellationToken);
        if (person is null || posting is null)
        {
            return CommandResult.Fail(string.Empty, "Referral.NotFound");
        }

        var referral = Referral.Create(person.Id, person.RegionCode, posting.Id, posting.Status, Today, actor.UserId, actor.Name, clock.UtcNow);
        db.Referrals.Add(referral);
        db.FollowUps.Add(FollowUp.Record(person.Id, person.RegionCode, FollowUpKind.JobReferral, Today, actor.UserId, actor.Name, "职业介绍 / Referral: " + posting.Title, clock));
        audit.Add("ReferralCreated", "Referral", referral.Id.ToString(), person.RegionCode, null, new { personId, postingId });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<PagedResult<ReferralRow>> ReferralsAsync(Guid? personId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var referrals = db.Referrals.AsNoTracking();
        if (personId is { } only)
        {
            referrals = referrals.Where(r => r.PersonId == only);
        }

        var total = await referrals.CountAsync(cancellationToken);
        page = Math.Max(1, page);
        var items = await RowsAsync(referrals.OrderByDescending(r => r.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new PagedResult<ReferralRow>(items, page, pageSize, total);
    }

    public async Task<ReferralRow?> ReferralAsync(Guid referralId, CancellationToken cancellationToken) =>
        (await RowsAsync(db.Referrals.AsNoTracking().Where(r => r.Id == referralId), cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Referrals of the caller's area with the person's name, then the postings' titles in a second
    /// query, through <see cref="UnscopedReads"/> (a posting may lie in another area).
    /// </summary>
    private async Task<List<ReferralRow>> RowsAsync(IQueryable<Referral> referrals, CancellationToken cancellationToken)
    {
        var rows = await referrals
            .Select(r => new { r.Id, r.PersonId, r.PostingId, Name = db.Persons.Where(p => p.Id == r.PersonId).Select(p => p.Name).FirstOrDefault() ?? string.Empty, r.ReferredOn, r.Outcome, r.OutcomeOn, r.ByName })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.PostingId).Distinct().ToList();
        var titles = await unscoped.PostingsByIds(ids).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        return rows.Select(r => new ReferralRow(r.Id, r.PersonId, r.Name, titles[r.PostingId], r.ReferredOn, r.Outcome, r.OutcomeOn, r.ByName)).ToList();
    }

    /// <summary>
    /// Records a referral's outcome. A hire makes the person employed and ends their open
    /// unemployment registration (reason: employed) through the registry's own command, which
    /// recomputes the household; the outcome, the registration, the person, the household and
    /// their audit events commit in one transaction.
    /// </summary>
    public async Task<CommandResult> RecordOutcomeAsync(Guid referralId, ReferralOutcome outcome, DateOnly on, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return CommandResult.Fail(string.Empty, "Referral.NotFound");
        }

        try
        {
            referral.Record(outcome, on, Today);
        }
        catch (JobsException refusal)
        {
            return CommandResult.Refused(refusal);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Add("ReferralOutcome", "Referral", referral.Id.ToString(), referral.RegionCode, null, new { personId = referral.PersonId, outcome = outcome.ToString(), on });
        if (outcome == ReferralOutcome.Hired)
        {
            var hasOpen = await db.UnemploymentRegistrations.AnyAsync(r => r.PersonId == referral.PersonId && r.EndedOn == null, cancellationToken);
            if (hasOpen)
            {
                // The registry ends the registration, sets the person employed and recomputes the household (it saves our changes with its own).
                var ended = await registry.EndRegistrationAsync(referral.PersonId, on, UnemploymentEndReason.Employed, cancellationToken);
                if (!ended.Succeeded)
                {
                    return new CommandResult(ended.Errors.Select(e => (e.Field == "EndedOn" ? "On" : e.Field, e.MessageKey)).ToList());
                }
            }
            else
            {
                var person = await db.Persons.SingleAsync(p => p.Id == referral.PersonId, cancellationToken);
                var before = person.EmploymentStatus;
                person.SetEmploymentStatus(EmploymentStatus.Employed, clock.UtcNow);
                audit.Add("PersonUpdated", "Person", person.Id.ToString(), person.RegionCode, new { employmentStatus = before.ToString() }, new { employmentStatus = person.EmploymentStatus.ToString() });
                await households.RecomputeAsync(person.HouseholdId, HouseholdChangeCause.MemberChanged, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Unemployed persons of a priority group in the caller's area with no posting pushed this month (001).</summary>
    public async Task<PagedResult<DuePerson>> DueThisMonthAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var monthStart = new DateOnly(Today.Year, Today.Month, 1);
        var due = db.Persons.AsNoTracking()
            .Where(p => p.EmploymentStatus == EmploymentStatus.Unemployed && p.PriorityGroups != PriorityGroups.None)
            .Where(p => !db.PostingPushes.Any(x => x.PersonId == p.Id && x.PushedOn >= monthStart));
        var total = await due.CountAsync(cancellationToken);
        page = Math.Max(1, page);
        var items = await due.OrderBy(p => p.RegionCode).ThenBy(p => p.Name).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new DuePerson(p.Id, p.Name, db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).First(), p.PriorityGroups, p.UnemployedSince))
            .ToListAsync(cancellationToken);
        return new PagedResult<DuePerson>(items, page, pageSize, total);
    }

    /// <summary>Sends a published posting to a person of the caller's area: the push and a follow-up on their timeline.</summary>
    public async Task<CommandResult> PushAsync(Guid personId, Guid postingId, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.RegionCode }).SingleOrDefaultAsync(cancellationToken);
        var posting = await Published().Where(p => p.Id == postingId).Select(p => new { p.Id, p.Status, p.Title }).SingleOrDefaultAsync(cancellationToken);
        if (person is null || posting is null)
        {
            return CommandResult.Fail(string.Empty, "Referral.NotFound");
        }

        var push = PostingPush.Send(person.Id, person.RegionCode, posting.Id, posting.Status, Today, actor.UserId, actor.Name);
        db.PostingPushes.Add(push);
        db.FollowUps.Add(FollowUp.Record(person.Id, person.RegionCode, FollowUpKind.JobReferral, Today, actor.UserId, actor.Name, "岗位推送 / Posting sent: " + posting.Title, clock));
        audit.Add("PostingPushed", "PostingPush", push.Id.ToString(), person.RegionCode, null, new { personId, postingId });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Published postings are public: matching looks past the area on purpose.</summary>
    private IQueryable<Posting> Published() => unscoped.PublishedPostings();
}
