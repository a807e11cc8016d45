using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Eligibility;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Core.Subsidies;

/// <summary>
/// Evaluates every person of a region subtree against the implemented rules the registry's facts
/// speak to (<see cref="CandidateRules"/>). One query streams the persons with their facts on the
/// date (no query per person); the rules run in process; the candidates go through a bounded
/// channel to a binary COPY into a temporary table on a second connection, and one set-based
/// statement replaces the subtree's previous results in one transaction. Memory is bounded by the
/// channel, not by the register or the number of candidates.
/// </summary>
public sealed class EligibilityBatch(PortalDbContext db, PolicyParameterStore parameters, AuditLog audit, BusinessClock clock)
{
    private const int ChunkSize = 4096;

    // A registration is open on the date as in EligibilityService; the hashed sub-plans read each
    // side table once instead of probing it per person.
    private static string ReadSql => SqlFiles.Read("Subsidies/Sql/eligibility_facts.sql");

    // The subtree's rows are replaced (for the whole register: most of the table), so the lists'
    // first queries get fresh statistics rather than waiting for autovacuum.
    private static string ApplySql => SqlFiles.Read("Subsidies/Sql/eligibility_apply.sql");

    private DateOnly Today => clock.Today;

    /// <summary>Evaluates the caller's whole area today (an official's "re-run now"), audited; null when the caller has no area.</summary>
    public async Task<EligibilityBatchSummary?> RunForCallerAsync(CancellationToken cancellationToken)
    {
        var scope = db.Scope;
        if (!scope.SeesAll && scope.RegionPrefix is null)
        {
            return null;
        }

        return await RunAsync(scope.RegionPrefix, Today, cancellationToken);
    }

    /// <summary>
    /// Evaluates the subtree of <paramref name="regionPrefix"/> (a <c>RegionCode.ScopePrefix</c>;
    /// null or empty: the whole register). A system operation: it does not read the caller's scope.
    /// </summary>
    public async Task<EligibilityBatchSummary> RunAsync(string? regionPrefix, DateOnly on, CancellationToken cancellationToken)
    {
        var prefix = regionPrefix ?? string.Empty;
        if (prefix.Length > Domain.Regions.RegionCode.Length || !prefix.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A region prefix is up to 12 digits.", nameof(regionPrefix));
        }

        var watch = Stopwatch.StartNew();
        var set = await parameters.GetAsync(cancellationToken);
        var rules = CandidateRules.For(set, on);

        var writer = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var reader = (NpgsqlConnection)((ICloneable)writer).Clone();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await reader.OpenAsync(cancellationToken);
            await RowSecurity.TellAsync(reader, db, cancellationToken);
            await using var transaction = await writer.BeginTransactionAsync(cancellationToken);
            await using (var create = new NpgsqlCommand(
                "CREATE TEMP TABLE eligibility_batch (scheme_code text, person_id uuid, region_code text, decision smallint, missing_facts text) ON COMMIT DROP",
                writer,
                transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var channel = Channel.CreateBounded<List<CandidateRow>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var produce = ProduceAsync(reader, prefix, on, rules, channel.Writer, stop.Token);
            int candidates;
            try
            {
                candidates = await CopyAsync(writer, channel.Reader, stop.Token);
            }
            catch
            {
                // Stop reading, then let the original failure through (the transaction rolls back).
                // The reader's own outcome is this failure (passed through the channel) or the
                // cancellation it caused: marked observed, not lost.
                await stop.CancelAsync();
                await Task.WhenAny(produce);
                _ = produce.Exception;
                throw;
            }

            var (persons, evaluations) = await produce;
            await using (var apply = new NpgsqlCommand(ApplySql, writer, transaction))
            {
                apply.Parameters.AddWithValue("pattern", prefix + "%");
                apply.Parameters.AddWithValue("prefix", prefix);
                apply.Parameters.AddWithValue("on", on);
                apply.Parameters.AddWithValue("finished", clock.UtcNow);
                apply.Parameters.AddWithValue("persons", persons);
                apply.Parameters.AddWithValue("evaluations", evaluations);
                apply.Parameters.AddWithValue("candidates", candidates);

                // Two overlapping runs (the daily job and an official's re-run) take turns here.
                await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('eligibility_candidates'))", writer, transaction))
                {
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken);
                }

                await apply.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            var summary = new EligibilityBatchSummary(prefix, on, persons, evaluations, candidates, watch.Elapsed);
            audit.Add("EligibilityEvaluated", "EligibilityCandidates", prefix.Length == 0 ? "*" : prefix,
                prefix.Length == 0 ? null : prefix.PadRight(Domain.Regions.RegionCode.Length, '0'), null,
                new { on, persons, evaluations, candidates, seconds = Math.Round(watch.Elapsed.TotalSeconds, 1) });
            await db.SaveChangesAsync(cancellationToken);
            return summary;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(int Persons, long Evaluations)> ProduceAsync(
        NpgsqlConnection connection, string prefix, DateOnly on, CandidateRules rules, ChannelWriter<List<CandidateRow>> output, CancellationToken cancellationToken)
    {
        var persons = 0;
        long evaluations = 0;
        try
        {
            var chunk = new List<CandidateRow>(ChunkSize);
            await foreach (var row in ReadFactsAsync(connection, prefix, on, cancellationToken))
            {
                persons++;
                evaluations += rules.Evaluate(row.Facts, row.HardshipHandled, (scheme, decision, missing) => chunk.Add(new CandidateRow(scheme, row.PersonId, row.RegionCode, decision, missing)));
                if (chunk.Count >= ChunkSize)
                {
                    await output.WriteAsync(chunk, cancellationToken);
                    chunk = new List<CandidateRow>(ChunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                await output.WriteAsync(chunk, cancellationToken);
            }

            output.Complete();
            return (persons, evaluations);
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    /// <summary>
    /// The registry's facts of every person of a subtree on a date, in one streamed query: the same
    /// facts <see cref="EligibilityService.PersonFactsAsync"/> reads for one person (a property test
    /// holds the two to each other), plus whether the 4050 certification is already requested or held.
    /// </summary>
    public static async IAsyncEnumerable<(Guid PersonId, string RegionCode, EligibilityFacts Facts, bool HardshipHandled)> ReadFactsAsync(
        NpgsqlConnection connection, string prefix, DateOnly on, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var sql = prefix.Length == 0 ? ReadSql : ReadSql + " AND p.region_code LIKE @pattern";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("on", on);
        command.Parameters.AddWithValue("requested", (short)CertificationStatus.Requested);
        command.Parameters.AddWithValue("approved", (short)CertificationStatus.Approved);
        command.Parameters.AddWithValue("hardship", EligibilityRules.Hardship4050);
        command.Parameters.AddWithValue("withoutWork", Domain.Households.ZeroEmploymentStatuses.WithoutWork.Select(s => (short)s).ToArray());
        command.Parameters.AddWithValue("pattern", prefix + "%");
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var region = reader.GetString(1);

            // Sequential access: columns are read in their order (the household's status last, null without one).
            var birth = reader.GetFieldValue<DateOnly>(2);
            var sex = (Sex)reader.GetInt16(3);
            var capacity = (LaborCapacity)reader.GetInt16(4);
            var wantsWork = reader.GetBoolean(5);
            var registered = reader.GetBoolean(6);
            var certified = reader.GetFieldValue<string[]>(7).ToHashSet(StringComparer.Ordinal);
            var hardshipHandled = reader.GetBoolean(8);
            var schedule = WorkingAge.ScheduleFor(sex, reader.GetBoolean(9));
            var zeroEmployment = !reader.IsDBNull(10) && reader.GetBoolean(10);
            yield return (id, region, new EligibilityFacts
            {
                ApplicationDate = on,
                BirthDate = birth,
                Sex = sex,
                RetirementSchedule = schedule,
                LaborCapacity = capacity,
                WantsWork = wantsWork,
                RegisteredUnemployed = registered,
                CertifiedCategories = certified,
                HardshipCertified = certified.Count > 0,
                ZeroEmploymentHousehold = zeroEmployment,
            }, hardshipHandled);
        }
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, ChannelReader<List<CandidateRow>> input, CancellationToken cancellationToken)
    {
        var rows = 0;
        await using var import = await connection.BeginBinaryImportAsync(
            CopyTargets.EligibilityBatch.Command, cancellationToken);
        await foreach (var chunk in input.ReadAllAsync(cancellationToken))
        {
            foreach (var row in chunk)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(row.SchemeCode, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(row.PersonId, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync(row.RegionCode, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync((short)row.Decision, NpgsqlDbType.Smallint, cancellationToken);
                await import.WriteAsync(row.MissingFacts, NpgsqlDbType.Text, cancellationToken);
                rows++;
            }
        }

        await import.CompleteAsync(cancellationToken);
        return rows;
    }

    private readonly record struct CandidateRow(string SchemeCode, Guid PersonId, string RegionCode, Decision Decision, string MissingFacts);
}

/// <summary>
/// Which rules the batch runs and what counts as "may qualify". A rule is run when the registry's
/// facts can speak to it: evaluated with no facts at all, it names a registry fact as missing or
/// fails on one. Schemes whose beneficiary is an employer or investor (the social insurance and
/// community job-development subsidies) are run too when they have a condition on the person hired
/// (registered unemployed): the list then says "hiring this person may qualify the employer".
/// A person is a candidate when no criterion is unmet and everything unknown is a fact only an
/// application supplies (<see cref="ApplicationFacts"/>); an unset policy number is not such a fact.
/// </summary>
public sealed class CandidateRules
{
    /// <summary>The facts the registry knows for everyone (the batch and <see cref="EligibilityService"/> read them).</summary>
    public static readonly IReadOnlySet<string> RegistryFacts = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(EligibilityFacts.BirthDate),
        nameof(EligibilityFacts.Sex),
        nameof(EligibilityFacts.LaborCapacity),
        nameof(EligibilityFacts.WantsWork),
        nameof(EligibilityFacts.RegisteredUnemployed),
        nameof(EligibilityFacts.CertifiedCategories),
        nameof(EligibilityFacts.HardshipCertified),
        nameof(EligibilityFacts.RetirementSchedule),
        nameof(EligibilityFacts.ZeroEmploymentHousehold),
    };

    /// <summary>
    /// What only the person's application will say. Every fact of <see cref="EligibilityFacts"/>
    /// is in one of the two sets (a test checks it, so a new fact is classified on purpose: one
    /// the registry knows belongs in the batch's query instead), and each of these has a label.
    /// </summary>
    public static readonly IReadOnlySet<string> ApplicationFacts = Domain.Subsidies.ApplicationFacts.Names;

    private readonly PolicyParameterSet _parameters;

    private CandidateRules(IReadOnlyList<string> schemes, PolicyParameterSet parameters)
    {
        Schemes = schemes;
        _parameters = parameters;
    }

    /// <summary>The rules run, in <see cref="EligibilityRules.Implemented"/> order.</summary>
    public IReadOnlyList<string> Schemes { get; }

    public static CandidateRules For(PolicyParameterSet parameters, DateOnly on)
    {
        var nothingKnown = new EligibilityFacts { ApplicationDate = on };
        var schemes = EligibilityRules.Implemented.Where(code =>
        {
            var result = EligibilityRules.Evaluate(nothingKnown, code, parameters);
            return result.MissingFacts.Any(RegistryFacts.Contains) || result.Criteria.Any(c => c.Outcome == Outcome.NotMet);
        }).ToList();
        return new CandidateRules(schemes, parameters);
    }

    /// <summary>True when the result leaves the person on the "may qualify" list.</summary>
    public static bool MayQualify(EligibilityResult result) =>
        result.Decision == Decision.Eligible
        || (result.Decision == Decision.CannotTell && result.MissingFacts.All(ApplicationFacts.Contains));

    /// <summary>
    /// Evaluates one person's registry facts for every rule; calls <paramref name="candidate"/> for
    /// each scheme they may qualify for. A person already certified or with a pending request is
    /// not evaluated for the 4050 certification. Returns the number of evaluations.
    /// </summary>
    public int Evaluate(EligibilityFacts facts, bool hardshipHandled, Action<string, Decision, string> candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var evaluations = 0;
        foreach (var scheme in Schemes)
        {
            if (hardshipHandled && EligibilityRules.HardshipCategories.Any(c => c.Code == scheme))
            {
                continue;
            }

            evaluations++;
            var result = EligibilityRules.Evaluate(facts, scheme, _parameters);
            if (MayQualify(result))
            {
                candidate(scheme, result.Decision, string.Join(',', result.MissingFacts));
            }
        }

        return evaluations;
    }
}
