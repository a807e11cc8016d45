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
/// The scope is told as its range (<see cref="Bounds"/>): the policies' functions only read the two
/// bounds, so a row costs two comparisons, not a pattern match (migration <c>ScopeBoundsSettings</c>).
/// </summary>
public static class RowSecurity
{
    /// <summary>The session setting that names the scope: <c>all</c>, a region-code prefix, or <c>none</c> (for people and logs; the policies read the bounds).</summary>
    public const string ScopeSetting = "portal.scope";

    /// <summary>The session setting the policies read the scope's lower bound from (<c>portal_scope_low()</c>, inclusive).</summary>
    public const string ScopeLowSetting = "portal.scope_low";

    /// <summary>The session setting the policies read the scope's upper bound from (<c>portal_scope_high()</c>, exclusive).</summary>
    public const string ScopeHighSetting = "portal.scope_high";

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
    /// The scope as a B-tree range over the region code, [low, high): <c>all</c> is ['', 'zz'); a
    /// prefix p of 2 to 12 digits is [p, p + 'z') (codes are digits, which sort before letters in
    /// every collation); anything else, <c>none</c> included, is the empty ['z', '').
    /// </summary>
    public static (string Low, string High) Bounds(string setting) =>
        setting == "all" ? (string.Empty, "zz")
        : setting.Length is >= 2 and <= 12 && setting.All(char.IsAsciiDigit) ? (setting, setting + "z")
        : ("z", string.Empty);

    /// <summary>
    /// A command that tells <paramref name="connection"/> a scope (its name and its bounds, in one
    /// round trip): for the session, or with <paramref name="transaction"/> for that transaction only.
    /// </summary>
    public static NpgsqlCommand ScopeCommand(NpgsqlConnection connection, string setting, NpgsqlTransaction? transaction = null)
    {
        var local = transaction is null ? "false" : "true";
        var command = new NpgsqlCommand(
            $"SELECT set_config('{ScopeSetting}', @scope, {local}), set_config('{ScopeLowSetting}', @low, {local}), set_config('{ScopeHighSetting}', @high, {local})",
            connection, transaction);
        var (low, high) = Bounds(setting);
        command.Parameters.AddWithValue("scope", setting);
        command.Parameters.AddWithValue("low", low);
        command.Parameters.AddWithValue("high", high);
        return command;
    }

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
        await using var command = ScopeCommand(connection, Covering(regionCodes), (NpgsqlTransaction)transaction.GetDbTransaction());
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
        var command = ScopeCommand((NpgsqlConnection)connection, scope);
        command.CommandText += $", set_config('{AccountSetting}', @account, false)";
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
