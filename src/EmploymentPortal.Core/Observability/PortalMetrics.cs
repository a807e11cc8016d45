using System.Diagnostics.Metrics;
using EmploymentPortal.Core.Jobs;
using EmploymentPortal.Core.Persons;

namespace EmploymentPortal.Core.Observability;

/// <summary>
/// The portal's business counters (issue 17, "Metrics"), all in one meter, <see cref="MeterName"/>.
/// Each is counted by the one command that does the thing, after it is saved. Tags hold only
/// bounded codes (outcome, decision, category, scheme, plan), never a person, a region or an ID.
/// The exported names (Prometheus) are listed in docs/operations.md, "Metrics and what to alert on".
/// </summary>
public sealed class PortalMetrics
{
    /// <summary>The meter's name, the one the metrics pipeline listens to.</summary>
    public const string MeterName = "EmploymentPortal";

    private readonly Counter<long> registrations;
    private readonly Counter<long> imports;
    private readonly Counter<long> importRows;
    private readonly Counter<long> certifications;
    private readonly Counter<long> subsidyApprovals;
    private readonly Counter<long> payments;
    private readonly Counter<double> paymentAmount;
    private readonly Counter<long> jobSearches;
    private readonly Histogram<double> jobSearchDuration;
    private readonly Counter<long> jobRuns;

    public PortalMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        registrations = meter.CreateCounter<long>("portal.persons.registered", "{person}", "Persons registered through the registration form.");
        imports = meter.CreateCounter<long>("portal.imports", "{import}", "Ledger imports run, by outcome (completed, refused).");
        importRows = meter.CreateCounter<long>("portal.import.rows", "{row}", "Rows of ledger imports, by outcome (imported, rejected, withheld).");
        certifications = meter.CreateCounter<long>("portal.certifications.decided", "{certification}", "Hardship certifications decided, by decision (approved, rejected) and category.");
        subsidyApprovals = meter.CreateCounter<long>("portal.subsidy.approvals", "{approval}", "Approvals of a subsidy application's step, by scheme.");
        payments = meter.CreateCounter<long>("portal.payments", "{payment}", "Subsidy payments recorded, by scheme.");
        paymentAmount = meter.CreateCounter<double>("portal.payments.amount", "{yuan}", "Amount of the subsidy payments recorded, in yuan, by scheme.");
        jobSearches = meter.CreateCounter<long>("portal.job_search.requests", "{search}", "Public job searches run, by the page's plan.");
        jobSearchDuration = meter.CreateHistogram<double>(
            "portal.job_search.duration",
            "s",
            "Time of a public job search's statements (page and count), by the page's plan.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5] });
        jobRuns = meter.CreateCounter<long>("portal.jobs.runs", "{run}", "Scheduled jobs and background tasks finished, by job (its name or task kind) and outcome (succeeded, failed).");
    }

    /// <summary>A person was registered through the form (imported persons are counted by <see cref="Imported"/>).</summary>
    public void PersonRegistered() => registrations.Add(1);

    /// <summary>An import's outcome: refused as a whole (its file error), or completed with its rows imported, rejected, and valid but withheld.</summary>
    /// <returns>The result, unchanged.</returns>
    public ImportResult Imported(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        imports.Add(1, new KeyValuePair<string, object?>("outcome", result.FileErrorKey is null ? "completed" : "refused"));
        var rejected = result.RejectedRows;
        AddRows("imported", result.Imported);
        AddRows("rejected", rejected);
        AddRows("withheld", result.Rows - result.Imported - rejected);
        return result;

        void AddRows(string outcome, int rows)
        {
            if (rows > 0)
            {
                importRows.Add(rows, new KeyValuePair<string, object?>("outcome", outcome));
            }
        }
    }

    /// <summary>A hardship certification was approved or rejected (the category is a code of the catalogue).</summary>
    public void CertificationDecided(bool approved, string category) =>
        certifications.Add(1, new("decision", approved ? "approved" : "rejected"), new("category", category));

    /// <summary>A step of a subsidy application was approved.</summary>
    public void SubsidyStepApproved(string scheme) => subsidyApprovals.Add(1, new KeyValuePair<string, object?>("scheme", scheme));

    /// <summary>A payment was recorded (at once, or confirmed by a second official).</summary>
    public void PaymentRecorded(string scheme, decimal amount)
    {
        var tag = new KeyValuePair<string, object?>("scheme", scheme);
        payments.Add(1, tag);
        paymentAmount.Add((double)amount, tag);
    }

    /// <summary>A public job search ran with the given plan for its page, in the given time.</summary>
    public void JobSearched(JobSearchPlan plan, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("plan", plan == JobSearchPlan.TermIndex ? "term_index" : "order_walk");
        jobSearches.Add(1, tag);
        jobSearchDuration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>A scheduled job's run or a background task finished (<paramref name="job"/> is its name or kind, a code).</summary>
    public void JobFinished(string job, bool succeeded) =>
        jobRuns.Add(1, new("job", job), new("outcome", succeeded ? "succeeded" : "failed"));
}
