namespace EmploymentPortal.Domain.Policies;

/// <summary>The text key that names a policy number on the pages (a scheme's numbers share their names across schemes).</summary>
public static class ParameterNames
{
    public static string TextKey(string key) =>
        key.StartsWith("Scheme.", StringComparison.Ordinal) && key.Split('.') is [_, _, var name] ? "SchemeParameter." + name : "Parameter." + key;
}
