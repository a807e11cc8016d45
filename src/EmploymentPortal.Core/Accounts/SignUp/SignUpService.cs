using System.Security.Cryptography;
using System.Text;
using EmploymentPortal.Core.Common;
using EmploymentPortal.Core.Persistence;
using EmploymentPortal.Domain.Accounts;
using EmploymentPortal.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Core.Accounts.SignUp;

/// <summary>The <c>Portal:SignUp</c> section.</summary>
public sealed class SignUpOptions
{
    public const string Section = "Portal:SignUp";

    /// <summary>How long a sign-up code is valid (business clock).</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes after which the sign-up must start again.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Messages sent to one phone number or address per hour; past it sign-up answers the same and sends nothing.</summary>
    public int MessagesPerLoginPerHour { get; set; } = 5;
}

/// <summary>What the sign-up form asks first.</summary>
public sealed record SignUpStart(string Role, string Login, string DisplayName);

/// <summary>
/// Sign-up that tells nobody which phone numbers and addresses have accounts (issue 15): whatever is entered, the
/// answer is "we sent a code" and a challenge id. A new login gets a one-time code; an existing one gets a message
/// saying an account exists and how to recover it, and its challenge accepts no code. The code is stored hashed,
/// expires on the business clock, and a challenge is dead after <see cref="SignUpOptions.MaxAttempts"/> wrong codes.
/// The account is created when the right code and a password are given.
/// </summary>
public sealed class SignUpService(
    PortalDbContext db,
    UserManager<PortalUser> users,
    AccountService accounts,
    IMessageSender sender,
    BusinessClock clock,
    IOptions<SignUpOptions> options)
{
    public const int CodeLength = 6;

    private SignUpOptions Options => options.Value;

    /// <summary>Checks the form (its shape only, never whether an account exists), sends the message and returns the challenge.</summary>
    public async Task<(CommandResult Result, Guid? ChallengeId)> StartAsync(SignUpStart input, CancellationToken cancellationToken)
    {
        if (!Roles.SelfService.Contains(input.Role))
        {
            return (CommandResult.Fail(nameof(input.Role), "Account.RoleNotAllowed"), null);
        }

        var login = NormalizeLogin(input.Login);
        if (login is null)
        {
            return (CommandResult.Fail(nameof(input.Login), "Account.LoginInvalid"), null);
        }

        var displayName = TextInput.Clean(input.DisplayName);
        if (displayName is null || TextInput.Check(displayName) != TextInput.Problem.None || displayName.Length > PortalUser.DisplayNameMaxLength)
        {
            return (CommandResult.Fail(nameof(input.DisplayName), "SignUp.DisplayNameInvalid"), null);
        }

        var now = clock.UtcNow;
        var exists = await users.FindByNameAsync(login) is not null;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var challenge = new SignUpChallenge
        {
            Id = Guid.NewGuid(),
            Login = login,
            Role = input.Role,
            DisplayName = displayName,
            CreatedAt = now,
            ExpiresAt = now + Options.CodeLifetime,
        };

        // An existing account's challenge gets the hash of a code nobody is told, so no code confirms it.
        challenge.CodeHash = Hash(challenge.Id, exists ? RandomNumberGenerator.GetHexString(32) : code);
        var sentLastHour = await db.Set<SignUpChallenge>().CountAsync(c => c.Login == login && c.CreatedAt > now.AddHours(-1), cancellationToken);
        db.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        if (sentLastHour < Options.MessagesPerLoginPerHour)
        {
            await sender.SendAsync(
                exists
                    ? new OutgoingMessage(login, OutgoingMessageKind.AccountExists, null, challenge.ExpiresAt)
                    : new OutgoingMessage(login, OutgoingMessageKind.SignUpCode, code, challenge.ExpiresAt),
                cancellationToken);
        }

        return (CommandResult.Ok, challenge.Id);
    }

    /// <summary>Creates the account when the code is right; a wrong code counts against the challenge.</summary>
    public async Task<(CommandResult Result, Guid? UserId)> ConfirmAsync(Guid challengeId, string code, string password, CancellationToken cancellationToken)
    {
        SignUpChallenge? challenge;
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            challenge = await db.Set<SignUpChallenge>()
                .FromSql($"SELECT * FROM sign_up_challenges WHERE id = {challengeId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);
            if (challenge is null || challenge.UsedAt is not null || challenge.ExpiresAt <= clock.UtcNow)
            {
                return (CommandResult.Fail("Code", "SignUp.CodeExpired"), null);
            }

            if (challenge.FailedAttempts >= Options.MaxAttempts)
            {
                return (CommandResult.Fail("Code", "SignUp.TooManyAttempts"), null);
            }

            if (!CryptographicOperations.FixedTimeEquals(challenge.CodeHash, Hash(challenge.Id, code.Trim())))
            {
                challenge.FailedAttempts++;
                await db.SaveChangesAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                return (CommandResult.Fail("Code", challenge.FailedAttempts >= Options.MaxAttempts ? "SignUp.TooManyAttempts" : "SignUp.CodeWrong"), null);
            }

            // A password the account would refuse keeps the code usable: check it before the code is spent.
            var errors = new List<IdentityError>();
            var candidate = new PortalUser { UserName = challenge.Login, DisplayName = challenge.DisplayName };
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange((await validator.ValidateAsync(users, candidate, password)).Errors);
            }

            if (errors.Count > 0)
            {
                return (new CommandResult(errors.Select(e => ("Password", "Identity." + e.Code)).ToList()), null);
            }

            challenge.UsedAt = clock.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        var (result, id) = await accounts.SignUpAsync(new SignUpInput(challenge.Login, challenge.DisplayName, challenge.Role, password), cancellationToken);
        return result.Succeeded ? (result, id) : (CommandResult.Fail("Code", "SignUp.CodeExpired"), null);
    }

    /// <summary>The phone number, or the e-mail address in lower case; null when it is neither.</summary>
    public static string? NormalizeLogin(string? value)
    {
        var login = value?.Trim() ?? string.Empty;
        if (AccountService.PhonePattern().IsMatch(login))
        {
            return login;
        }

        return AccountService.EmailPattern().IsMatch(login) && login.Length <= SignUpChallenge.LoginMaxLength ? login.ToLowerInvariant() : null;
    }

    private static byte[] Hash(Guid challengeId, string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(challengeId.ToString("N") + ":" + code));
}
