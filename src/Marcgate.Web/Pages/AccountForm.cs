namespace Marcgate.Web.Pages;

/// <summary>What was typed into the account form, kept when it is refused.</summary>
public sealed record AccountForm(string LogonId, string Repository, string Profile, string Allow);
