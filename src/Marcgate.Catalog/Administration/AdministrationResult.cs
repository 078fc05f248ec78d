namespace Marcgate.Catalog.Administration;

/// <summary>The answer to an administrator's request: how it ended and a sentence for people.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Message">What was done, or why not.</param>
public record AdministrationResult(AdministrationStatus Status, string Message)
{
    /// <summary>True when the request was done.</summary>
    public bool Succeeded => Status == AdministrationStatus.Done;

    /// <summary>A request done.</summary>
    public static AdministrationResult Done(string message) => new(AdministrationStatus.Done, message);

    /// <summary>A request naming something that does not exist.</summary>
    public static AdministrationResult NotFound(string message) => new(AdministrationStatus.NotFound, message);

    /// <summary>A request refused.</summary>
    public static AdministrationResult Refused(string message) => new(AdministrationStatus.Refused, message);
}
