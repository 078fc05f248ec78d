namespace Marcgate.Web.Pages;

/// <summary>The audit log filters as typed.</summary>
public sealed record AuditFilter(string Since, string SubjectKind, string SubjectName, int Limit);
