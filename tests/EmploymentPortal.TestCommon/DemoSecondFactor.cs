using EmploymentPortal.Core.Accounts.TwoFactor;
using EmploymentPortal.Core.Seeding;
using Npgsql;

namespace EmploymentPortal.TestCommon;

/// <summary>
/// The second sign-in step as the test harness does it: the demo staff accounts' seeded
/// authenticator key (<see cref="DemoCity.AuthenticatorKey"/>) and the portal's fake clock give
/// the code. The portal accepts each code once, and many tests sign in as the same account at the
/// same (frozen) instant, so before each harness sign-in the account's "last accepted step" is
/// cleared in the database (<see cref="AllowCodeAgainAsync"/>). Tests of the replay rule sign in
/// through the pages themselves, without the harness.
/// </summary>
public sealed class DemoSecondFactor(TimeProvider clock, string ownerConnectionString)
{
    public const string SecondStepPath = "/Identity/Account/LoginWith2fa";
    public const string ChangePasswordPath = "/Identity/Account/Manage/ChangePassword";

    /// <summary>The code the demo key gives now, on the portal's clock.</summary>
    public string CodeNow() => Totp.CodeAt(DemoCity.AuthenticatorKey, clock.GetUtcNow());

    public async Task AllowCodeAgainAsync(string userName)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE users SET last_totp_time_step = NULL WHERE normalized_user_name = upper(@name)", connection);
        command.Parameters.AddWithValue("name", userName);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The password the harness chooses when the portal forces a change of an admin-set password
    /// at the first sign-in: the admin-set one with a suffix. A test signing in again uses this.
    /// </summary>
    public static string ChangedPassword(string initialPassword) => initialPassword + " (changed)";
}
