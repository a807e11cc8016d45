using System.Net;
using EmploymentPortal.Core.Accounts.SignUp;
using EmploymentPortal.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.TestCommon;

/// <summary>Sign-up through its two pages, with the code read from the fake sender's outbox.</summary>
public static class SignUpPages
{
    /// <summary>Messages the portal "sent" to <paramref name="login"/>, oldest first.</summary>
    public static IReadOnlyList<OutgoingMessage> MessagesTo(this PortalAppFactory factory, string login) =>
        factory.Services.GetRequiredService<MessageOutbox>().Messages.Where(m => m.Recipient == SignUpService.NormalizeLogin(login)).ToList();

    /// <summary>The first step; its redirect is the confirmation page.</summary>
    public static Task<HttpResponseMessage> StartSignUpAsync(this PortalClient client, string role, string login, string displayName) =>
        client.SubmitFormAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.Role"] = role,
            ["Input.Login"] = login,
            ["Input.DisplayName"] = displayName,
        });

    public static Task<HttpResponseMessage> ConfirmSignUpAsync(this PortalClient client, string confirmUrl, string code, string password, string? confirmPassword = null) =>
        client.SubmitFormAsync(confirmUrl, new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmPassword ?? password,
        });

    /// <summary>Both steps with the code just sent; the answer of the second (a redirect when the account was created and signed in).</summary>
    public static async Task<HttpResponseMessage> SignUpAsync(this PortalClient client, PortalAppFactory factory, string role, string login, string displayName, string password)
    {
        var start = await client.StartSignUpAsync(role, login, displayName);
        if (start.StatusCode != HttpStatusCode.Redirect)
        {
            return start;
        }

        var code = factory.MessagesTo(login)[^1].Code ?? throw new InvalidOperationException($"No sign-up code was sent to {login}.");
        return await client.ConfirmSignUpAsync(start.Headers.Location!.OriginalString, code, password);
    }
}
