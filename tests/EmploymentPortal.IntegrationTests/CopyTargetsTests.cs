using EmploymentPortal.Bench.Commands;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Scoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace EmploymentPortal.IntegrationTests;

/// <summary>
/// The binary COPY column lists, written by hand, against the EF model's mapped tables: every
/// column written exists, and every required column without a database default is written, so a
/// new required column fails here rather than in an import or a batch in production.
/// </summary>
public sealed class CopyTargetsTests
{
    public static TheoryData<string> ModelTargets()
    {
        var data = new TheoryData<string>();
        foreach (var target in AllModelTargets().Keys)
        {
            data.Add(target);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelTargets))]
    public void CopyColumns_MatchTheModelTable(string name)
    {
        var target = AllModelTargets()[name];
        using var db = ContextFactory.Create("Host=unused", DataScope.All);
        var table = db.Model.GetRelationalModel().FindTable(target.Table, null);
        table.Should().NotBeNull($"{name} writes {target.Table}, a table of the model");
        var storeObject = StoreObjectIdentifier.Table(table!.Name, table.Schema);

        target.Columns.Should().OnlyHaveUniqueItems();
        target.Columns.Where(c => table.FindColumn(c) is null)
            .Should().BeEmpty($"every column {name} writes exists in {target.Table}");

        var required = table.Columns
            .Where(c => !c.IsNullable && !HasDatabaseValue(c, storeObject))
            .Select(c => c.Name);
        required.Except(target.Columns)
            .Should().BeEmpty($"every NOT NULL column of {target.Table} without a database default is written by {name}");
    }

    [Fact]
    public void TemporaryTargets_AreNotModelTables()
    {
        using var db = ContextFactory.Create("Host=unused", DataScope.All);
        var model = db.Model.GetRelationalModel();

        CopyTargets.TemporaryTables.Where(t => model.FindTable(t.Table, null) is not null)
            .Should().BeEmpty("the batches' temporary tables must not shadow a table of the model");
    }

    [Fact]
    public void CopyCommand_ListsTheColumnsInOrder() =>
        CopyTargets.UnemploymentRegistrations.Command.Should()
            .Be("COPY unemployment_registrations (id, person_id, region_code, registered_on) FROM STDIN (FORMAT BINARY)");

    /// <summary>The app's targets and the bench generators' (registry and job postings), by name.</summary>
    private static Dictionary<string, CopyTarget> AllModelTargets()
    {
        var targets = CopyTargets.ModelTables.ToDictionary(t => "Portal." + t.Table, StringComparer.Ordinal);
        targets["Bench.jobs." + nameof(JobSearchCommand.EmployersCopy)] = JobSearchCommand.EmployersCopy;
        targets["Bench.jobs." + nameof(JobSearchCommand.PostingsCopy)] = JobSearchCommand.PostingsCopy;
        foreach (var (table, columns) in RegistryCopy.Tables)
        {
            targets["Bench.registry." + table] = new CopyTarget(table, columns);
        }

        return targets;
    }

    /// <summary>A value the database supplies: a default, a computed value, an identity, or a system column.</summary>
    private static bool HasDatabaseValue(IColumn column, StoreObjectIdentifier storeObject) =>
        column.DefaultValueSql is not null
        || column.DefaultValue is not null
        || column.ComputedColumnSql is not null
        || column.Name == "xmin"

        // Set by a BEFORE INSERT trigger whatever the writer sends (the audit chain's seq, prev_hash, hash; ADR 0004).
        || column.PropertyMappings.Any(m => !m.Property.IsPrimaryKey() && m.Property.ValueGenerated == ValueGenerated.OnAdd && m.Property.ClrType != typeof(Guid))
        || column.PropertyMappings.Any(m => m.Property.GetValueGenerationStrategy(storeObject)
            is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
            or NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or NpgsqlValueGenerationStrategy.SerialColumn);
}
