namespace Marcgate.Web.Pages;

/// <summary>A record search as typed.</summary>
public sealed record RecordQuery(string Repository, string Id, string Oclc, string Title, string Isbn);
