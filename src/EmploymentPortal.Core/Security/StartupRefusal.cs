namespace EmploymentPortal.Core.Security;

/// <summary>
/// A configuration the portal refuses to start with (a missing key, a missing certificate). Its
/// message is one line for the operator: what is missing and how to make it. <c>Program</c>
/// prints it and exits non-zero, without a stack trace.
/// </summary>
public sealed class StartupRefusalException(string message) : Exception(message);
