using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Core.Accounts;

/// <summary>
/// Refuses passwords that are common or derived from the user name (ASVS v5.0.0-6.2.4): length
/// is the strength rule, not composition (6.2.5). The list is the most frequent long passwords of
/// public breach lists plus patterns people use for this portal.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789abc", "1234567890qwerty",
        "qwertyuiop12", "qwertyuiop123", "qwerty123456", "1qaz2wsx3edc", "1q2w3e4r5t6y",
        "passwordpassword", "password1234", "password12345", "password123456", "p@ssw0rd1234",
        "iloveyou1234", "aaaaaaaaaaaa", "111111111111", "000000000000", "abcdefghijkl",
        "abc123456789", "a123456789012", "woaini1314520", "woaini123456", "5201314520131",
        "admin1234567", "administrator", "welcome12345", "letmein12345", "zxcvbnm123456",
        "Abcd12345678", "Aa1234567890", "Admin@123456", "Passw0rd!234", "Qwer1234!@#$",
        "changeme1234", "portal123456", "employment12", "jiuye123456789",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var distinct = password.Distinct().Count();
        var containsUserName = !string.IsNullOrEmpty(user.UserName)
            && user.UserName.Length >= 4
            && password.Contains(user.UserName, StringComparison.OrdinalIgnoreCase);
        if (Common.Contains(password) || distinct <= 3 || containsUserName)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "The password is too common or contains the user name." }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
