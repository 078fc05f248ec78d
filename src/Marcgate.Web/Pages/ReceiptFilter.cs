namespace Marcgate.Web.Pages;

/// <summary>The receipt filters as typed.</summary>
public sealed record ReceiptFilter(string LogonId, string Outcome, string Since, string Correlation, int Limit);
