using System.Data.Common;
using EmploymentPortal.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace EmploymentPortal.Core.Scoping;

/// <summary>
/// The second wall under the query filters: PostgreSQL row-level security (docs/adr/0003).
/// Every connection a <see cref="PortalDbContext"/> opens is told its caller's scope and account
/// (<see cref="Interceptor"/>), and the policies of the migration <c>RowLevelSecurity</c> compare
/// each row's region code with that scope, as a B-tree range, for the app's role. Raw SQL run on
/// the context's connection (reports, the batch, search, COPY) is under the same wall.
/// </summary>
public static class RowSecurity
{
    /// <summary>The session setting the policies read the scope from: <c>all</c>, a region-code prefix, or <c>none</c>.</summary>
    public const string ScopeSetting = "portal.scope";

    /// <summary>The session setting the policies read the signed-in account from (its own employers, postings, link requests).</summary>
    public const string AccountSetting = "portal.account";

    /// <summary>The database role the app's login belongs to: row-level security applies to it (it owns nothing).</summary>
    public const string AppRole = "portal_app";

    /// <summary>Sets a connection's scope and account when a context opens it (also after the pool's reset).</summary>
    public static DbConnectionInterceptor Interceptor { get; } = new ScopeInterceptor();

    /// <summary>The value of <see cref="ScopeSetting"/> for a scope; anything but <c>all</c> or a prefix of digits matches nothing.</summary>
    public static string SettingOf(DataScope scope) =>
        scope.SeesAll ? "all" : scope.RegionPrefix ?? "none";

    /// <summary>
    /// Widens the wall for the current transaction only (<c>set_config(…, true)</c>) to the
    /// smallest prefix that covers the given region codes, for the named writes that move or file
    /// a row into another area: the release of a transfer, an objection from the public. The query
    /// filters still limit every EF read; the wall returns to the caller's scope at commit or
    /// rollback.
    /// </summary>
    public static async Task WidenTransactionAsync(PortalDbContext db, IReadOnlyCollection<string> regionCodes, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A widened scope lasts one transaction: begin one first.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand($"SELECT set_config('{ScopeSetting}', @scope, true)", connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("scope", Covering(regionCodes));
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>The longest common prefix of region codes (at least a province's two digits), else <c>all</c>.</summary>
    public static string Covering(IReadOnlyCollection<string> regionCodes)
    {
        var prefix = regionCodes.Aggregate((a, b) => a[..Enumerable.Range(0, Math.Min(a.Length, b.Length)).TakeWhile(i => a[i] == b[i]).Count()]);
        return prefix.Length >= 2 && prefix.All(char.IsAsciiDigit) ? prefix : "all";
    }

    /// <summary>
    /// Refuses whole-register work (rebuilds, repairs) on a context that does not see every area:
    /// under the wall it would see only part of the register and write a partial result. Such work
    /// runs in a scope made by <see cref="SystemJobScopes.CreateSystemJobScope"/>.
    /// </summary>
    public static void RequireWholeRegister(PortalDbContext db, string work)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Scope.SeesAll)
        {
            throw new InvalidOperationException($"{work} needs the whole register: run it in a system job scope (CreateSystemJobScope), not with the scope {db.Scope}.");
        }
    }

    /// <summary>
    /// Tells a connection opened beside the context (a clone, e.g. the batch's streaming reader
    /// next to its writer) the context's scope and account, as the interceptor does for the
    /// context's own connection.
    /// </summary>
    public static async Task TellAsync(NpgsqlConnection connection, PortalDbContext db, CancellationToken cancellationToken)
    {
        await using var command = SetCommand(connection, db);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static NpgsqlCommand SetCommand(DbConnection connection, DbContext? context)
    {
        var (scope, account) = context is PortalDbContext db ? (SettingOf(db.Scope), db.Account?.ToString() ?? string.Empty) : ("none", string.Empty);
        var command = new NpgsqlCommand($"SELECT set_config('{ScopeSetting}', @scope, false), set_config('{AccountSetting}', @account, false)", (NpgsqlConnection)connection);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("account", account);
        return command;
    }

    private sealed class ScopeInterceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = SetCommand(connection, eventData.Context);
            command.ExecuteScalar();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = SetCommand(connection, eventData.Context);
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
