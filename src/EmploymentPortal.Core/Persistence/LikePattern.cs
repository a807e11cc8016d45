namespace EmploymentPortal.Core.Persistence;

/// <summary>Escapes user text for a LIKE/ILIKE pattern with <c>\</c> as the escape character.</summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
