using Npgsql;

namespace EmploymentPortal.Core.Persistence;

/// <summary>
/// A binary COPY target: a table and the columns written, in the order every row writes them.
/// The writers build their COPY statement from it, and <c>CopyTargetsTests</c> checks the
/// columns of a mapped table against the EF model (each exists; each required column without a
/// database default is written).
/// </summary>
public sealed record CopyTarget(string Table, IReadOnlyList<string> Columns)
{
    /// <summary>The <c>COPY … FROM STDIN (FORMAT BINARY)</c> statement.</summary>
    public string Command => $"COPY {Table} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Starts a COPY for a table under row-level security, which refuses COPY FROM to the app's
    /// role: the rows go to a temporary table of the same shape (dropped at commit), and
    /// <see cref="InsertStagedAsync"/> inserts them, each checked by the policies (ADR 0003).
    /// </summary>
    public async Task<NpgsqlBinaryImporter> BeginStagedImportAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {Stage} (LIKE {Table} INCLUDING DEFAULTS) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return await connection.BeginBinaryImportAsync($"COPY {Stage} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
    }

    /// <summary>Inserts the rows a completed <see cref="BeginStagedImportAsync"/> copied.</summary>
    public async Task InsertStagedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", Columns);
        await using var insert = new NpgsqlCommand($"INSERT INTO {Table} ({columns}) SELECT {columns} FROM {Stage}", connection, transaction);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Stage => "copy_stage_" + Table;
}

/// <summary>The COPY targets of the app: the tables of the model, then the temporary tables of the batches.</summary>
public static class CopyTargets
{
    /// <summary>
    /// Persons, every column without a database value, in the order <see cref="BinaryCopy.WritePersonsAsync"/>
    /// writes a <see cref="PersonCopyRow"/>: the ledger import (<c>Persons/LedgerExcelWriter</c>) and the bench generator.
    /// </summary>
    public static readonly CopyTarget Persons = new(
        "persons",
        [
            "id", "region_id", "region_code", "name", "id_number_cipher", "id_number_hash", "id_number_masked", "id_number_last_four",
            "birth_date", "sex", "phone", "address", "hukou", "education", "skills", "wished_occupation", "wished_monthly_pay", "wished_area",
            "wished_work_type", "labor_capacity", "wants_work", "employment_status", "employment_history", "priority_groups", "living_needs",
            "notes", "unemployed_since", "household_id", "relationship", "created_at", "updated_at", "female_cadre",
        ]);

    /// <summary>The ledger import's open unemployment registrations.</summary>
    public static readonly CopyTarget UnemploymentRegistrations = new(
        "unemployment_registrations", ["id", "person_id", "region_code", "registered_on"]);

    /// <summary>The targets that are tables of the EF model.</summary>
    public static IReadOnlyList<CopyTarget> ModelTables { get; } = [Persons, UnemploymentRegistrations];

    /// <summary>The household job's temporary table (created by the job itself, not in the model).</summary>
    public static readonly CopyTarget HouseholdRecompute = new(
        "household_recompute", ["id", "old_status", "new_status", "keeps_plan"]);

    /// <summary>The eligibility batch's temporary table (created by the batch itself, not in the model).</summary>
    public static readonly CopyTarget EligibilityBatch = new(
        "eligibility_batch", ["scheme_code", "person_id", "region_code", "decision", "missing_facts"]);

    /// <summary>The temporary tables the batches create and fill.</summary>
    public static IReadOnlyList<CopyTarget> TemporaryTables { get; } = [HouseholdRecompute, EligibilityBatch];
}
