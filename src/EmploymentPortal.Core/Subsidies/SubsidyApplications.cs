using EmploymentPortal.Core.Accounts;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Observability;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Domain.Subsidies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Subsidy applications: staff prepare and submit them with the facts the rule needs (the check is
/// computed and stored at submission), and staff and officials act on the workflow's steps. Over
/// EF Core: the scope filter limits every read to the caller's area; every change audited.
/// </summary>
public sealed class SubsidyApplications(
    PortalDbContext db,
    EligibilityService eligibility,
    AuditLog audit,
    ICurrentActor actor,
    BusinessClock clock,
    PortalMetrics metrics)
{
    public const string EntityType = "SubsidyApplication";

    private static readonly ApplicationStatus[] Open = [ApplicationStatus.InReview, ApplicationStatus.Returned, ApplicationStatus.Approved, ApplicationStatus.InNotice, ApplicationStatus.Payable];

    private DateOnly Today => clock.Today;

    private Actor Me => new(actor.UserId, actor.Name, actor.Role);

    /// <summary>
    /// The person and the check the entered facts give today, for the form (no check before a
    /// scheme with a rule is chosen); null when the person is not in the area.
    /// </summary>
    public async Task<ApplicationPreview?> PreviewAsync(Guid personId, string? scheme, IReadOnlyDictionary<string, string?> facts, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.IdNumberMasked }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        if (SchemeCatalog.Find(scheme) is not { } definition || !EligibilityRules.Implemented.Contains(definition.Code))
        {
            return new ApplicationPreview(person.Name, person.IdNumberMasked, null, []);
        }

        var (check, invalid) = await CheckAsync(personId, definition.Code, facts, cancellationToken);
        return new ApplicationPreview(person.Name, person.IdNumberMasked, check, invalid);
    }

    /// <summary>
    /// Submits; <see cref="ApplicationInput.RequestId"/> becomes the id, so a double-clicked submit
    /// inserts once. The caller passes an id the server made (never one a client chose).
    /// </summary>
    public async Task<CommandResult> SubmitAsync(ApplicationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.RequestId == Guid.Empty)
        {
            throw new ArgumentException("An application's id is made by the server and is never empty.", nameof(input));
        }
        if (await db.SubsidyApplications.AsNoTracking().AnyAsync(a => a.Id == input.RequestId, cancellationToken))
        {
            return CommandResult.Ok; // the same form posted twice: it was submitted once
        }

        var prepared = await PrepareAsync(input, cancellationToken);
        if (prepared.Error is { } error)
        {
            return error;
        }

        var open = await db.SubsidyApplications.AsNoTracking()
            .Where(a => a.PersonId == input.PersonId && a.SchemeCode == prepared.Scheme!.Code && Open.Contains(a.Status))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        if (open.Count > 0)
        {
            // The open one may be this very form, posted twice and committed since the first check.
            return open.Contains(input.RequestId) ? CommandResult.Ok : CommandResult.Fail(string.Empty, "Application.AlreadyOpen");
        }

        SubsidyApplication application;
        try
        {
            application = SubsidyApplication.Submit(input.RequestId, prepared.Scheme!, input.PersonId, prepared.RegionCode!, prepared.ApplicantName!, prepared.Facts!, prepared.Check!, input.OverrideReason, Me, clock.UtcNow);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        db.SubsidyApplications.Add(application);
        audit.Add("ApplicationSubmitted", EntityType, application.Id.ToString(), application.RegionCode, null, Snapshot(application));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two posts of the same form raced past the first check: one row stands.
            return CommandResult.Ok;
        }

        return CommandResult.Ok;
    }

    /// <summary>Corrects and resubmits a returned application (station or street staff).</summary>
    public async Task<CommandResult> ResubmitAsync(Guid id, ApplicationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await db.SubsidyApplications.Include(a => a.Actions).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return CommandResult.Fail(string.Empty, "Application.NotFound");
        }

        var prepared = await PrepareAsync(input with { PersonId = application.PersonId, Scheme = application.SchemeCode }, cancellationToken);
        if (prepared.Error is { } error)
        {
            return error;
        }

        try
        {
            application.Resubmit(prepared.ApplicantName!, prepared.Facts!, prepared.Check!, input.OverrideReason, Me, clock.UtcNow);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        audit.Add("ApplicationResubmitted", EntityType, id.ToString(), application.RegionCode, null, Snapshot(application));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Approves, rejects or returns the current step. <paramref name="version"/> is the one the
    /// actor saw: if someone acted in between, nothing happens and the caller is told (a repeat of
    /// the caller's own action, a double click, counts as done).
    /// </summary>
    public async Task<CommandResult> ActAsync(Guid id, StepAction action, string? reason, string? reference, uint version, CancellationToken cancellationToken)
    {
        var application = await db.SubsidyApplications.Include(a => a.Actions).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return CommandResult.Fail(string.Empty, "Application.NotFound");
        }

        if (application.Version != version)
        {
            // A double click: the first post already did exactly this.
            var last = application.Actions.MaxBy(a => a.At);
            return last is not null && last.ActorId == actor.UserId && last.Action == action && actor.UserId is not null
                ? CommandResult.Ok
                : CommandResult.Fail(string.Empty, "Application.ChangedMeanwhile");
        }

        var step = application.CurrentStep;
        try
        {
            application.Act(action, reason, reference, Me, clock.UtcNow);
        }
        catch (SubsidyException e)
        {
            return CommandResult.Refused(e);
        }

        audit.Add($"Application{action}", EntityType, id.ToString(), application.RegionCode, null, new { step = step?.Code, reason, reference, status = application.Status.ToString() });
        var saved = await SaveAsync(cancellationToken);
        if (saved.Succeeded && action == StepAction.Approved)
        {
            metrics.SubsidyStepApproved(application.SchemeCode);
        }

        return saved;
    }

    /// <summary>Approves each selected application's current step; one result per item.</summary>
    public async Task<IReadOnlyList<BulkItemResult>> ApproveManyAsync(IReadOnlyList<(Guid Id, uint Version)> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.Id).ToList();
        var found = await db.SubsidyApplications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, Name = db.Persons.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault() ?? a.ApplicantName, a.Decision })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var names = found.ToDictionary(x => x.Key, x => x.Value.Name);
        var results = new List<BulkItemResult>(items.Count);
        foreach (var (id, version) in items.DistinctBy(i => i.Id))
        {
            // Submitted against a check that did not say 符合 (⚑): never in bulk; each is opened and
            // decided on its own, with its override reason in view (issue 15).
            if (found.TryGetValue(id, out var row) && row.Decision != Decision.Eligible)
            {
                results.Add(new BulkItemResult(id, row.Name, false, "Application.OverrideNotInBulk"));
                continue;
            }

            // Each item in its own unit of work: one failure does not undo the others.
            db.ChangeTracker.Clear();
            var result = await ActAsync(id, StepAction.Approved, null, null, version, cancellationToken);
            results.Add(new BulkItemResult(id, names.GetValueOrDefault(id, string.Empty), result.Succeeded, result.Succeeded ? "Application.Approved" : result.Errors[0].MessageKey));
        }

        return results;
    }

    public async Task<PagedResult<ApplicationRow>> ListAsync(ApplicationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var applications = db.SubsidyApplications.AsNoTracking();
        if (query.Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }

        if (SchemeCatalog.Find(query.Scheme) is { } scheme)
        {
            applications = applications.Where(a => a.SchemeCode == scheme.Code);
        }

        if (RegionCode.TryParse(query.RegionCode, out var region))
        {
            var prefix = region.ScopePrefix;
            applications = applications.Where(a => a.RegionCode.StartsWith(prefix));
        }

        if (query.PersonId is { } personId)
        {
            applications = applications.Where(a => a.PersonId == personId);
        }

        if (query.NoticeId is { } noticeId)
        {
            applications = applications.Where(a => a.NoticeId == noticeId);
        }

        if (query.MinDaysWaiting is > 0 and var days)
        {
            // Waiting at least N days (as DaysWaiting counts them): last acted on before the business day N - 1 days ago began.
            var cutoff = clock.StartOf(Today.AddDays(1 - days));
            applications = applications.Where(a => a.LastActionAt < cutoff);
        }

        // Separation of duties in SQL (as SubsidyApplication.MayAct): the applications whose submission
        // or an earlier step of the current round the caller acted on.
        var me = actor.UserId;
        var actedEarlier =
            from a in db.SubsidyApplications
            from x in db.ApplicationActions
            where x.ApplicationId == a.Id && x.ActorId == me && (x.StepIndex < 0 || (x.Round == a.Round && x.StepIndex < a.StepIndex))
            select a.Id;
        if (query.ActionableOnly)
        {
            var role = actor.Role;
            var loanSchemes = SchemeCatalog.All.Where(s => s.Workflow == SchemeWorkflow.SmallLoan).Select(s => s.Code).ToList();
            var loanSteps = StepsFor(SchemeWorkflow.SmallLoan, role);
            var standardSteps = StepsFor(SchemeWorkflow.Standard, role);
            applications = applications.Where(a => a.Status == ApplicationStatus.InReview
                && (loanSchemes.Contains(a.SchemeCode) ? loanSteps.Contains(a.StepIndex) : standardSteps.Contains(a.StepIndex))
                && !actedEarlier.Contains(a.Id));
        }

        var total = await applications.CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var rows = await applications
            .OrderBy(a => a.LastActionAt).ThenBy(a => a.Id)
            .Skip((page - 1) * query.PageSize).Take(query.PageSize)
            .Select(a => new
            {
                Application = a,

                // Scalar subqueries, each null when the person is out of the caller's scope (transferred out since): the application stays here.
                PersonName = db.Persons.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault(),
                IdNumberMasked = db.Persons.Where(p => p.Id == a.PersonId).Select(p => p.IdNumberMasked).FirstOrDefault(),
                PersonRegion = db.Persons.Where(p => p.Id == a.PersonId).Select(p => db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).FirstOrDefault()).FirstOrDefault(),
                ApplicationRegion = db.Regions.Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstOrDefault(),
                Excluded = actedEarlier.Contains(a.Id),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ApplicationRow(
            r.Application.Id, r.Application.SchemeCode, r.PersonName ?? StoredPersonName(r.Application), r.IdNumberMasked ?? string.Empty, r.Application.ApplicantName,
            r.PersonRegion ?? r.ApplicationRegion ?? r.Application.RegionCode,
            r.Application.Status, r.Application.CurrentStep?.Code, r.Application.Decision, TextInput.Clean(r.Application.OverrideReason), r.Application.Amount,
            r.Application.SubmittedAt, DaysWaiting(r.Application), r.Application.Version,
            RoleActs(r.Application) && !r.Excluded && me is not null)).ToList();
        return new PagedResult<ApplicationRow>(items, page, query.PageSize, total);
    }

    public async Task<ApplicationDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.SubsidyApplications.AsNoTracking().Include(a => a.Actions).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return null;
        }

        // The person may have been transferred out of the caller's area since (the application stays here): the stored name then.
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == application.PersonId)
            .Select(p => new { p.Name, p.IdNumberMasked, Region = db.Regions.Where(r => r.Id == p.RegionId).Select(r => r.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? new { Name = StoredPersonName(application), IdNumberMasked = string.Empty, Region = await RegionNameAsync(application.RegionCode, cancellationToken) };
        var payment = await db.Payments.AsNoTracking().Where(p => p.ApplicationId == id)
            .Select(p => new PaymentView(p.Amount, p.PaidOn, p.Reference, p.RecordedByName)).SingleOrDefaultAsync(cancellationToken);
        var key = id.ToString();
        var auditEntries = await db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new Core.Persons.AuditEntry(a.OccurredAt, a.ActorName, a.Action, a.Before, a.After))
            .ToListAsync(cancellationToken);
        return new ApplicationDetail(
            application, person.Name, person.IdNumberMasked, person.Region ?? application.RegionCode, DaysWaiting(application),
            RoleActs(application) && application.MayAct(actor.UserId),
            application.Status == ApplicationStatus.Returned && actor.Role is { } role && Workflows.SubmitterRoles.Contains(role),
            payment,
            auditEntries);
    }

    /// <summary>
    /// The name the application itself stores, for a person no longer in the caller's area
    /// (transferred out since): its applicant, who is the person when the person is the beneficiary.
    /// </summary>
    private static string StoredPersonName(SubsidyApplication application) => application.ApplicantName;

    private async Task<string?> RegionNameAsync(string regionCode, CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);

    private static object Snapshot(SubsidyApplication a) =>
        new { scheme = a.SchemeCode, personId = a.PersonId, applicant = a.ApplicantName, decision = a.Decision.ToString(), a.Amount, a.DurationMonths, overridden = a.OverrideReason is not null, a.OverrideReason, facts = a.Facts, a.Round };

    private static List<int> StepsFor(SchemeWorkflow workflow, string? role) =>
        Workflows.Steps(workflow).Select((s, i) => (s, i)).Where(x => role is not null && x.s.Roles.Contains(role)).Select(x => x.i).ToList();

    private bool RoleActs(SubsidyApplication application) =>
        application.CurrentStep is { } step && actor.Role is { } role && step.Roles.Contains(role);

    private int DaysWaiting(SubsidyApplication application) =>
        Today.DayNumber - clock.DateOf(application.LastActionAt).DayNumber;

    private async Task<(EligibilityResult? Check, IReadOnlyList<string> Invalid)> CheckAsync(Guid personId, string scheme, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        // The entered facts say when the hire was; a scheme that rewards a hire judges the person then,
        // so the registry is read for that date.
        var contractStart = ApplicationFacts.Apply(scheme, new EligibilityFacts { ApplicationDate = Today }, values).Facts.ContractStart;
        var personDate = EligibilityRules.PersonDateFor(scheme, Today, contractStart);
        if (await eligibility.PersonFactsAsync(personId, Today, personDate == Today ? null : personDate, cancellationToken) is not { } registry)
        {
            return (null, []);
        }

        var (facts, invalid) = ApplicationFacts.Apply(scheme, registry, values);
        return (await eligibility.EvaluateAsync(facts, scheme, cancellationToken), invalid);
    }

    private async Task<Prepared> PrepareAsync(ApplicationInput input, CancellationToken cancellationToken)
    {
        if (SchemeCatalog.Find(input.Scheme) is not { } scheme)
        {
            return new Prepared(CommandResult.Fail("Scheme", "Application.UnknownScheme"));
        }

        if (!EligibilityRules.Implemented.Contains(scheme.Code))
        {
            return new Prepared(CommandResult.Fail("Scheme", "Application.NoRule"));
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.Id == input.PersonId).Select(p => new { p.Name, p.RegionCode }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return new Prepared(CommandResult.Fail(string.Empty, "Person.NotFound"));
        }

        var (check, invalid) = await CheckAsync(input.PersonId, scheme.Code, input.Facts, cancellationToken);
        var errors = invalid.Select(name => ($"Facts[{name}]", "Application.InvalidFact")).ToList();
        var applicant = scheme.Beneficiary == Beneficiary.Person ? person.Name : input.ApplicantName?.Trim();
        if (string.IsNullOrEmpty(applicant))
        {
            errors.Add(("ApplicantName", "Application.ApplicantRequired"));
        }

        if (errors.Count > 0)
        {
            return new Prepared(new CommandResult(errors));
        }

        var facts = ApplicationFacts.For(scheme.Code)
            .Where(f => input.Facts.TryGetValue(f.Name, out var v) && !string.IsNullOrWhiteSpace(v))
            .ToDictionary(f => f.Name, f => input.Facts[f.Name]!.Trim());
        return new Prepared(null, scheme, person.RegionCode, applicant, facts, check);
    }

    private async Task<CommandResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another official acted a moment earlier (xmin changed): their action stands.
            return CommandResult.Fail(string.Empty, "Application.ChangedMeanwhile");
        }

        return CommandResult.Ok;
    }

    private sealed record Prepared(
        CommandResult? Error,
        SchemeDefinition? Scheme = null,
        string? RegionCode = null,
        string? ApplicantName = null,
        IReadOnlyDictionary<string, string>? Facts = null,
        EligibilityResult? Check = null);
}
