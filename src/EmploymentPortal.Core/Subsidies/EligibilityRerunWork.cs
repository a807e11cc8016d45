using System.Text.Json;
using EmploymentPortal.Core.BackgroundWork;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>A county official's "re-run now" as background work: the batch over the requester's area (audited by it); the result is its counts.</summary>
public sealed class EligibilityRerunWork(EligibilityBatch batch) : IBackgroundWork
{
    public const string KindName = "eligibility-rerun";

    /// <summary>The text key of the message when the requester has no area.</summary>
    public const string NoAreaKey = "Tasks.NoArea";

    public string Kind => KindName;

    public async Task<BackgroundWorkOutcome> RunAsync(BackgroundWorkContext context, CancellationToken cancellationToken)
    {
        var summary = await batch.RunForCallerAsync(cancellationToken);
        if (summary is null)
        {
            return new BackgroundWorkOutcome(true, NoAreaKey, null);
        }

        context.Report(summary.Persons, summary.Persons);
        return new BackgroundWorkOutcome(false, null, JsonSerializer.Serialize(new EligibilityRerunResult(summary.Persons, summary.Candidates)));
    }

    public static EligibilityRerunResult? ReadResult(string? json) => json is null ? null : JsonSerializer.Deserialize<EligibilityRerunResult>(json);
}

/// <summary>The counts a re-run's page shows.</summary>
public sealed record EligibilityRerunResult(int Persons, int Candidates);
