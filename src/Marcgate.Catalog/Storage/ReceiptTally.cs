namespace Marcgate.Catalog.Storage;

/// <summary>How many receipts had one outcome.</summary>
/// <param name="Ok">True for <c>status=ok</c>.</param>
/// <param name="Code">The action (<c>added</c>, …) or error code (<c>logon-failed</c>, …) of gateway §4; empty when the receipt has neither.</param>
/// <param name="Count">How many.</param>
public sealed record ReceiptTally(bool Ok, string Code, long Count);
