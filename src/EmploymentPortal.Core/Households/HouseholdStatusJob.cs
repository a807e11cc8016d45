using System.Diagnostics;
using EmploymentPortal.Core.Audit;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Policies;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Core.Households;

/// <summary>
/// Re-derives every household of the register on today's date, for what changes with time
/// alone: members reaching or leaving working age, and "eliminated" becoming "stable" after the
/// parameterised months (cause <see cref="HouseholdChangeCause.TimePassed"/>: time never
/// eliminates). Streams households with their members in id order (memory bounded by the
/// changes), applies the same <see cref="ZeroEmploymentRule"/> and <see cref="Household.Next"/>
/// as the pages, and writes the changes with one binary COPY and two set-based statements in
/// one transaction. A household changed by staff meanwhile (status no longer as read) is skipped.
/// </summary>
public sealed class HouseholdStatusJob(PortalDbContext db, PolicyParameterStore parameters, AuditLog audit, BusinessClock clock)
{
    private static string Read => SqlFiles.Read("Households/Sql/household_status_read.sql");

    private static string Apply => SqlFiles.Read("Households/Sql/household_status_apply.sql");

    public async Task<RecomputeSummary> RecomputeAllAsync(CancellationToken cancellationToken)
    {
        RowSecurity.RequireWholeRegister(db, "recomputing every household");
        var watch = Stopwatch.StartNew();
        var set = await parameters.GetAsync(cancellationToken);
        var today = clock.Today;
        var stableMonths = set.IntOn(ParameterKeys.ZeroEmploymentStableMonths, today);
        var changes = new List<(Guid Id, ZeroEmploymentStatus From, ZeroEmploymentStatus To)>();
        var households = 0;

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var command = new NpgsqlCommand(Read, connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                Guid? current = null;
                HouseholdRow row = default;
                var members = new List<MemberFacts>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = reader.GetGuid(0);
                    if (id != current)
                    {
                        if (current is not null)
                        {
                            Decide(row, members);
                        }

                        current = id;
                        households++;
                        members.Clear();
                        row = new HouseholdRow(id, (HukouType)reader.GetInt16(1), reader.GetBoolean(2), (ZeroEmploymentStatus)reader.GetInt16(3),
                            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4));
                    }

                    if (!reader.IsDBNull(5))
                    {
                        members.Add(new MemberFacts(reader.GetFieldValue<DateOnly>(5), (Sex)reader.GetInt16(6), (LaborCapacity)reader.GetInt16(7),
                            reader.GetBoolean(8), (EmploymentStatus)reader.GetInt16(9)));
                    }
                }

                if (current is not null)
                {
                    Decide(row, members);
                }
            }

            var applied = changes.Count == 0 ? 0 : await WriteAsync(connection, changes, today, cancellationToken);
            audit.Add("HouseholdStatusesRecomputed", HouseholdDerivation.EntityType, "*", null, null, new { households, changed = applied, on = today });
            await db.SaveChangesAsync(cancellationToken);
            return new RecomputeSummary(households, applied, watch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        void Decide(HouseholdRow h, List<MemberFacts> members)
        {
            var outcome = ZeroEmploymentRule.Evaluate(h.Hukou, h.HasBusinessIncome, members, today, set);
            var next = Household.Next(h.Status, h.Since, outcome, HouseholdChangeCause.TimePassed, today, stableMonths);
            if (next != h.Status)
            {
                changes.Add((h.Id, h.Status, next));
            }
        }
    }

    private static async Task<int> WriteAsync(NpgsqlConnection connection, List<(Guid Id, ZeroEmploymentStatus From, ZeroEmploymentStatus To)> changes, DateOnly on, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE household_recompute (id uuid PRIMARY KEY, old_status smallint, new_status smallint, keeps_plan boolean) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var import = await connection.BeginBinaryImportAsync(CopyTargets.HouseholdRecompute.Command, cancellationToken))
        {
            foreach (var (id, from, to) in changes)
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await import.WriteAsync((short)from, NpgsqlDbType.Smallint, cancellationToken);
                await import.WriteAsync((short)to, NpgsqlDbType.Smallint, cancellationToken);
                await import.WriteAsync(Household.KeepsPlan(to), NpgsqlDbType.Boolean, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        int applied;
        await using (var update = new NpgsqlCommand(Apply, connection, transaction))
        {
            update.Parameters.AddWithValue("on", on);
            update.Parameters.AddWithValue("cause", (short)HouseholdChangeCause.TimePassed);
            applied = await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private readonly record struct HouseholdRow(Guid Id, HukouType Hukou, bool HasBusinessIncome, ZeroEmploymentStatus Status, DateOnly? Since);
}
