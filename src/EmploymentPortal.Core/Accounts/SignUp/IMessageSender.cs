namespace EmploymentPortal.Core.Accounts.SignUp;

/// <summary>What a message to a person who signs up says.</summary>
public enum OutgoingMessageKind
{
    /// <summary>The one-time code that confirms the phone number or e-mail address.</summary>
    SignUpCode = 1,

    /// <summary>An account with this phone number or address exists already: sign in, or reset the password at the station.</summary>
    AccountExists = 2,
}

/// <summary>A text message or e-mail to send; <see cref="Code"/> only for <see cref="OutgoingMessageKind.SignUpCode"/>.</summary>
public sealed record OutgoingMessage(string Recipient, OutgoingMessageKind Kind, string? Code, DateTimeOffset ExpiresAt);

/// <summary>
/// Sends text messages (to a mobile number) and e-mails. The seam for an SMS gateway or mail server; Development and the
/// tests use the Web project's fake outbox (docs: "Sign-up and the message sender").
/// </summary>
public interface IMessageSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
