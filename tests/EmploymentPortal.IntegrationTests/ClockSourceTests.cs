using System.Text.RegularExpressions;
using EmploymentPortal.TestCommon;

namespace EmploymentPortal.IntegrationTests;

/// <summary>
/// The one business clock (docs/testing.md, "Time"). The compiler refuses the real clock in C#
/// and Razor (BannedSymbols.txt, RS0030); these checks cover what it cannot see: the SQL the
/// portal and the tests send, where <c>now()</c> or <c>current_date</c> would read the database
/// server's clock and, for dates, its time zone.
/// </summary>
public sealed partial class ClockSourceTests
{
    [GeneratedRegex(@"(?<![\w.])(now\s*\(\s*\)|current_date|current_timestamp|localtimestamp|clock_timestamp\s*\(|statement_timestamp\s*\(|transaction_timestamp\s*\()", RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseClock();

    private static readonly string[] SourceFolders = ["src", "tests", "bench"];

    [Fact]
    public void Sql_InSourcesAndTests_NeverReadsTheDatabaseClock()
    {
        var root = TestSql.SolutionRoot();
        var offenders = SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.EndsWith(nameof(ClockSourceTests) + ".cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(x => !x.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && DatabaseClock().IsMatch(x.Text))
            .Select(x => $"{x.File}:{x.Line}: {x.Text.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("business dates and instants come from BusinessClock (tests: TestClock via @now/@today), never from the database server");
    }

    [Fact]
    public void BannedSymbols_AreWiredIntoEveryProject()
    {
        var root = TestSql.SolutionRoot();
        var props = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
        props.Should().Contain("Microsoft.CodeAnalysis.BannedApiAnalyzers").And.Contain("BannedSymbols.txt");
        var banned = File.ReadAllLines(Path.Combine(root, "BannedSymbols.txt")).Select(l => l.Split(';')[0]).ToList();
        (string Type, string Member)[] properties =
        [
            ("DateTime", "Now"), ("DateTime", "UtcNow"), ("DateTime", "Today"), ("DateTimeOffset", "Now"), ("DateTimeOffset", "UtcNow"),
            ("TimeProvider", "System"), ("DateTimeOffset", "LocalDateTime"), ("TimeZoneInfo", "Local"),
        ];
        (string Type, string Member)[] methods = [("TimeProvider", "GetLocalNow"), ("DateTimeOffset", "ToLocalTime"), ("DateTime", "ToLocalTime")];
        banned.Should().Contain(properties.Select(p => $"P:System.{p.Type}.{p.Member}"))
            .And.Contain(methods.Select(m => $"M:System.{m.Type}.{m.Member}"));
    }
}
