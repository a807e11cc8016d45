using System.Diagnostics;
using System.Globalization;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using EmploymentPortal.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using Npgsql;

namespace EmploymentPortal.Bench.Commands;

/// <summary>
/// Times the ledger import end to end (<see cref="LedgerExcel.ImportAsync"/>: reading the .xlsx,
/// checking every row, the register-wide duplicate lookup, binary COPY of persons, registrations
/// and audit events) on a generated file of valid, new residents.
/// </summary>
public static class ImportCommand
{
    public const string Usage =
        """
        import --connection "Host=...;Database=..."   (or env ConnectionStrings__Portal)
               [--rows 50000] [--iterations 3] [--scope 370702000000] [--write-file PATH]
          Writes an .xlsx of new residents (ID numbers with area code 370799, which the generator does not use)
          in the communities of the scope, then times the app's import of it. Each iteration first deletes the
          persons a previous iteration imported (and vacuums, as autovacuum would). With --write-file, writes the
          file there and exits (bench/import-page times it through the page).
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = new CommandLine(args, new HashSet<string>());
        var connectionString = line.Connection();
        var rows = line.Int("rows", 50_000);
        var iterations = line.Int("iterations", 3);
        var scope = RegionCode.Parse(line.String("scope") ?? "370702000000");
        var writeFile = line.String("write-file");
        line.RejectUnknown();

        var communities = await CommunitiesAsync(connectionString, scope, cancellationToken);
        var file = await WriteFileAsync(rows, communities, cancellationToken);
        Console.WriteLine($"file: {rows:N0} rows, {file.Length / 1024.0 / 1024.0:F1} MB, {communities.Count} communities of {scope}");
        if (writeFile is not null)
        {
            await File.WriteAllBytesAsync(writeFile, file, cancellationToken);
            return 0;
        }

        await using var provider = PortalServices.Build(connectionString, DataScope.Region(scope), configure: services =>
        {
            services.AddSingleton<ILabelCatalog>(new LabelCatalog(new JsonTexts()));
            // The import's own line of stage timings (read and checked, register, write).
            services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter((category, level) => category == typeof(LedgerExcel).FullName && level >= LogLevel.Information));
        });
        var parse = Stopwatch.StartNew();
        using (var parsed = new MemoryStream(file, writable: false))
        {
            var count = parsed.Query(useHeaderRow: false).Count();
            Console.WriteLine($"reading the sheet alone: {count:N0} rows in {parse.Elapsed.TotalSeconds:F2} s");
        }

        for (var i = 0; i < iterations; i++)
        {
            await DeleteImportedAsync(connectionString, cancellationToken);
            await using var requestScope = provider.CreateAsyncScope();
            var excel = requestScope.ServiceProvider.GetRequiredService<LedgerExcel>();
            var stopwatch = Stopwatch.StartNew();
            using var stream = new MemoryStream(file, writable: false);
            var result = await excel.ImportAsync(stream, ImportMode.AllOrNothing, cancellationToken);
            stopwatch.Stop();
            if (result.FileErrorKey is not null || result.Imported != rows)
            {
                Console.Error.WriteLine($"import refused: {result.FileErrorKey} imported {result.Imported}, first error {result.Errors.FirstOrDefault()}");
                return 1;
            }

            Console.WriteLine($"iteration {i + 1}: {result.Imported:N0} rows in {stopwatch.Elapsed.TotalSeconds:F2} s = {result.Imported / stopwatch.Elapsed.TotalSeconds:N0} rows/s");
        }

        return 0;
    }

    private static async Task<byte[]> WriteFileAsync(int rows, List<string> communities, CancellationToken cancellationToken)
    {
        // Born in 1980: of working age (both sexes) on the registration date, which imports check since issue 13.
        var start = new DateOnly(1980, 1, 1);
        var headers = new[] { "身份证号码*", "姓名*", "手机号码", "居住地址*", "户籍类型*", "文化程度*", "就业状态*", "劳动能力*", "有就业愿望*", "社区代码*", "失业登记日期" };
        var data = Enumerable.Range(0, rows).Select(i =>
        {
            var birth = start.AddDays(i / 500);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"370799{birth:yyyyMMdd}{i % 500:000}");
            return new Dictionary<string, object>
            {
                [headers[0]] = first17 + ResidentIdNumber.CheckCharacter(first17),
                [headers[1]] = "导入" + i.ToString(CultureInfo.InvariantCulture),
                [headers[2]] = "139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture),
                [headers[3]] = "潍城区某路 " + (i % 300).ToString(CultureInfo.InvariantCulture) + " 号",
                [headers[4]] = "城镇",
                [headers[5]] = i % 3 == 0 ? "初中" : "高中",
                [headers[6]] = "失业",
                [headers[7]] = "完全劳动能力",
                [headers[8]] = "是",
                [headers[9]] = communities[i % communities.Count],
                [headers[10]] = i % 2 == 0 ? "2026-01-15" : string.Empty,
            };
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(data, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static async Task<List<string>> CommunitiesAsync(string connectionString, RegionCode scope, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT code FROM regions WHERE level = @level AND code LIKE @prefix ORDER BY code", connection);
        command.Parameters.AddWithValue("level", (int)RegionLevel.Community);
        command.Parameters.AddWithValue("prefix", scope.ScopePrefix + "%");
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return codes.Count > 0 ? codes : throw new ArgumentException($"No community under {scope}.");
    }

    private static async Task DeleteImportedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM persons WHERE id_number_masked LIKE '370799%'", connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);

        // A real import goes into a table without 50,000 freshly deleted rows in its indexes.
        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) persons, unemployment_registrations, audit_events", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }
}
