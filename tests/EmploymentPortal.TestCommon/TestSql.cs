using Npgsql;

namespace EmploymentPortal.TestCommon;

/// <summary>
/// Direct reads and writes of a test database and reads of the source tree, for assertions. The
/// database's own clock (<c>now()</c>, <c>current_date</c>) is never used: statements take the
/// tests' pinned time as <c>@now</c> (timestamptz) and <c>@today</c> (date), from
/// <see cref="TestClock"/>.
/// </summary>
public static class TestSql
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, string? code = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(sql, connection);
        if (code is not null)
        {
            command.Parameters.AddWithValue("code", code);
        }

        var value = await command.ExecuteScalarAsync();
        return value is T typed ? typed : throw new InvalidOperationException($"No {typeof(T).Name} from: {sql}");
    }

    /// <summary>Runs a statement that stands in for time passing (e.g. a notice's dates moved into the past); returns the rows affected.</summary>
    public static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@now", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("now", TestClock.Start);
        }

        if (sql.Contains("@today", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("today", TestClock.Today);
        }

        return command;
    }

    /// <summary>The folder holding EmploymentPortal.sln, found from the test binaries upwards.</summary>
    public static string SolutionRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EmploymentPortal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Solution root not found.");
    }
}
