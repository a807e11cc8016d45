using EmploymentPortal.Domain.Accounts;

namespace EmploymentPortal.Core.Accounts;

/// <summary>Services ask the actor's capability, never its role (docs/authorization.md).</summary>
public static class ActorCapabilities
{
    /// <summary>Whether the actor's role holds the capability; system work (no role) holds none.</summary>
    public static bool Can(this ICurrentActor actor, string capability) => Capabilities.Allows(actor.Role, capability);
}
