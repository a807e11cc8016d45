using System.Collections.Concurrent;
using EmploymentPortal.Core.Accounts.SignUp;

namespace EmploymentPortal.Web.Security;

/// <summary>
/// The fake message sender of Development and the tests: nothing leaves the process. Every message is kept in memory
/// (<see cref="Messages"/>, which tests read), and in Development the sign-up code is written to the log so the
/// developer can type it. Never used outside Development and Testing (see <see cref="SignUpServices"/>).
/// </summary>
public sealed class MessageOutbox(IHostEnvironment environment, ILogger<MessageOutbox> logger) : IMessageSender
{
    private readonly ConcurrentQueue<OutgoingMessage> _messages = new();

    /// <summary>Everything "sent", oldest first.</summary>
    public IReadOnlyList<OutgoingMessage> Messages => [.. _messages];

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Enqueue(message);
        if (environment.IsDevelopment())
        {
            logger.LogWarning("Development message sender (nothing is sent): {Kind} for {Recipient}, code {Code}", message.Kind, message.Recipient, message.Code ?? "-");
        }

        return Task.CompletedTask;
    }
}

/// <summary>Outside Development and Testing until a gateway is configured: sign-up answers as usual, and nothing can be delivered.</summary>
public sealed class NoMessageGateway(ILogger<NoMessageGateway> logger) : IMessageSender
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        logger.LogError("No SMS or e-mail gateway is configured: a {Kind} message could not be sent", message.Kind);
        return Task.CompletedTask;
    }
}

/// <summary>Registers sign-up by one-time code and its message sender.</summary>
public static class SignUpServices
{
    public static IServiceCollection AddPortalSignUp(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<SignUpOptions>(configuration.GetSection(SignUpOptions.Section));
        services.AddScoped<SignUpService>();
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            services.AddSingleton<MessageOutbox>();
            services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<MessageOutbox>());
        }
        else
        {
            services.AddSingleton<IMessageSender, NoMessageGateway>();
        }

        return services;
    }
}
