using System.Diagnostics;
using System.Globalization;
using EmploymentPortal.Bench.Registry;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Core.Persons;
using EmploymentPortal.Core.Scoping;
using EmploymentPortal.Domain.Persons;
using EmploymentPortal.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EmploymentPortal.Bench.Commands;

/// <summary>
/// Times the ledger's <see cref="PersonRegistry.ListAsync"/> (the app's own code and SQL: count
/// plus one page) for a staff scope, as a page request would run it: a fresh scope per call.
/// </summary>
public static class LedgerCommand
{
    public const string Usage =
        """
        ledger --connection "Host=...;Database=..."   (or env ConnectionStrings__Portal)
               [--iterations 30] [--warmup 3] [--sql]
               [--scope 370702001000 --search 王 --status Unemployed --group CollegeGraduate --max-education SeniorHigh
                --age4050 --long-term --region 370702001001 --sort Name|Newest|Age --page 1 --page-size 20]
          Runs the ledger query through the app's PersonRegistry and prints p50/p95/max. Without filter
          options it runs the standard scenarios (street name prefix, county status + age, name + last
          four digits, unfiltered pages, long-term, priority group). --sql prints the SQL EF Core sent (once).
        """;

    private static readonly HashSet<string> Flags = ["sql", "age4050", "long-term"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var line = new CommandLine(args, Flags);
        var connectionString = line.Connection();
        var iterations = line.Int("iterations", 30);
        var warmup = line.Int("warmup", 3);
        var showSql = line.Flag("sql");
        var scope = line.String("scope");
        var custom = new PersonListQuery(
            line.String("search"),
            line.String("status") is { } status ? Enum.Parse<EmploymentStatus>(status, ignoreCase: true) : null,
            line.String("group") is { } group ? Enum.Parse<PriorityGroups>(group, ignoreCase: true) : null,
            line.Flag("long-term"),
            line.Flag("age4050"),
            line.String("max-education") is { } education ? Enum.Parse<EducationLevel>(education, ignoreCase: true) : null,
            line.String("region"),
            line.String("sort") is { } sort ? Enum.Parse<PersonSort>(sort, ignoreCase: true) : PersonSort.Name,
            line.Int("page", 1),
            line.Int("page-size", 20));
        line.RejectUnknown();

        var scenarios = scope is not null || custom != Default
            ? [("custom", scope ?? "370702000000", custom)]
            : await StandardScenariosAsync(connectionString, cancellationToken);

        Console.WriteLine($"{"scenario",-34} {"scope",-12} {"total",9} {"rows",4} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var (name, scopeCode, query) in scenarios)
        {
            var capture = new SqlCapture();
            await using var provider = PortalServices.Build(connectionString, DataScope.Region(RegionCode.Parse(scopeCode)), configure: services =>
            {
                services.AddLogging(logging => logging.AddProvider(capture).AddFilter((category, level) => category == DbLoggerCategory.Database.Command.Name && level >= LogLevel.Information));
                services.ConfigureDbContext<PortalDbContext>(options => options.EnableSensitiveDataLogging());
            });
            var timings = new List<double>();
            PagedResult<PersonListItem>? result = null;
            for (var i = 0; i < warmup + iterations; i++)
            {
                capture.Enabled = showSql && i == 0;
                await using var requestScope = provider.CreateAsyncScope();
                var registry = requestScope.ServiceProvider.GetRequiredService<PersonRegistry>();
                var stopwatch = Stopwatch.StartNew();
                result = await registry.ListAsync(query, cancellationToken);
                if (i >= warmup)
                {
                    timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} {scopeCode,-12} {result!.TotalCount,9} {result.Items.Count,4} {Percentile(timings, 0.5),8:F1} {Percentile(timings, 0.95),8:F1} {timings[^1],8:F1}"));
            foreach (var sql in capture.Commands)
            {
                Console.WriteLine(sql);
                Console.WriteLine();
            }
        }

        return 0;
    }

    private static readonly PersonListQuery Default = new(null, null, null, false, false, null, null, PersonSort.Name, 1, 20);

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The cases the ledger must serve fast, on the demo city's first district and street.</summary>
    private static async Task<IReadOnlyList<(string Name, string Scope, PersonListQuery Query)>> StandardScenariosAsync(string connectionString, CancellationToken cancellationToken)
    {
        const string County = "370702000000";
        const string Street = "370702001000";
        const string Community = "370702001001";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT name, id_number_last_four FROM persons WHERE region_code LIKE '370702001%' ORDER BY id LIMIT 1 OFFSET 1000", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var nameAndLastFour = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) + reader.GetString(1) : "王伟1234";
        return
        [
            ("a street: name prefix 王", Street, Default with { Search = "王" }),
            ("b county: unemployed + 40/50", County, Default with { Status = EmploymentStatus.Unemployed, Age4050Only = true }),
            ("c county: name + last four", County, Default with { Search = nameAndLastFour }),
            ("c' street: name + last four", Street, Default with { Search = nameAndLastFour }),
            ("d street: no filter", Street, Default),
            ("e county: no filter", County, Default),
            ("f county: name prefix 王", County, Default with { Search = "王" }),
            ("g county: unemployed", County, Default with { Status = EmploymentStatus.Unemployed }),
            ("h county: long-term unemployed", County, Default with { LongTermOnly = true }),
            ("i county: minimum living allowance", County, Default with { Group = PriorityGroups.MinimumLivingAllowance }),
            ("j community: no filter", Community, Default),
        ];
    }

    /// <summary>Collects the SQL EF Core logs (with parameter values) while enabled.</summary>
    private sealed class SqlCapture : ILoggerProvider, ILogger
    {
        public bool Enabled { get; set; }

        public List<string> Commands { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => Enabled;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Enabled && eventId.Id == 20101)
            {
                Commands.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
