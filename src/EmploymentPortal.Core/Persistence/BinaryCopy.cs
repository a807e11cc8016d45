using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Core.Persistence;

/// <summary>
/// Binary COPY helpers: possibly-null values in a row (the import, the household job, the bench
/// generator), and the <c>persons</c> rows the ledger import and the bench generator both write.
/// </summary>
public static class BinaryCopy
{
    public static Task WriteNullableAsync<T>(this NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    public static Task WriteNullableAsync<T>(this NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? importer.WriteAsync(v, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    /// <summary>
    /// Writes <paramref name="persons"/> with one binary COPY into <see cref="CopyTargets.Persons"/>,
    /// on the connection's current transaction (if any); the ledger import and the bench generator.
    /// </summary>
    public static async Task WritePersonsAsync(NpgsqlConnection connection, IEnumerable<PersonCopyRow> persons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(persons);
        await using var copy = await connection.BeginBinaryImportAsync(CopyTargets.Persons.Command, cancellationToken);
        await WriteRowsAsync(copy, persons, cancellationToken);
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="WritePersonsAsync"/> for the app's role, under row-level security, which refuses
    /// COPY FROM, in two steps: this one copies the rows into the transaction's temporary table
    /// (<see cref="CopyTarget.BeginStagedImportAsync"/>), <see cref="InsertStagedPersonsAsync"/>
    /// inserts them row by row under the policies.
    /// </summary>
    public static async Task StagePersonsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<PersonCopyRow> persons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persons);
        await using var copy = await CopyTargets.Persons.BeginStagedImportAsync(connection, transaction, cancellationToken);
        await WriteRowsAsync(copy, persons, cancellationToken);
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The rows <see cref="StagePersonsAsync"/> copied, inserted under the policies.</summary>
    public static Task InsertStagedPersonsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        CopyTargets.Persons.InsertStagedAsync(connection, transaction, cancellationToken);

    private static async Task WriteRowsAsync(NpgsqlBinaryImporter copy, IEnumerable<PersonCopyRow> persons, CancellationToken cancellationToken)
    {
        foreach (var p in persons)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(p.RegionId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(p.RegionCode, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(p.Name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(p.IdNumberCipher, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(p.IdNumberHash, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(p.IdNumberMasked, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(p.IdNumberLastFour, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(p.BirthDate, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync((short)p.Sex, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteNullableAsync(p.Phone, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(p.Address, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync((short)p.Hukou, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync((short)p.Education, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteNullableAsync(p.Skills, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(p.WishedOccupation, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(p.WishedMonthlyPay, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteNullableAsync(p.WishedArea, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync((short?)p.WishedWorkType, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync((short)p.LaborCapacity, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(p.WantsWork, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync((short)p.EmploymentStatus, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteNullableAsync(p.EmploymentHistory, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync((int)p.PriorityGroups, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteNullableAsync(p.LivingNeeds, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(p.Notes, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteNullableAsync(p.UnemployedSince, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteNullableAsync(p.HouseholdId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteNullableAsync((short?)p.Relationship, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(p.FemaleCadre, NpgsqlDbType.Boolean, cancellationToken);
        }

    }
}
