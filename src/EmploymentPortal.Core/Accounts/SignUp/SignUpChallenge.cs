namespace EmploymentPortal.Core.Accounts.SignUp;

/// <summary>
/// A sign-up waiting for its one-time code: what was asked for, the code's hash (never the code), when it expires on
/// the business clock, and the wrong codes tried. A challenge for an existing account has a hash no code matches.
/// </summary>
public sealed class SignUpChallenge
{
    public const int LoginMaxLength = 128;

    public Guid Id { get; set; }

    /// <summary>The phone number or e-mail address (lower case) the account will sign in with.</summary>
    public string Login { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public byte[] CodeHash { get; set; } = [];

    public int FailedAttempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the code was accepted (a code works once).</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
