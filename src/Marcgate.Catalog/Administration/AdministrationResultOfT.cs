namespace Marcgate.Catalog.Administration;

/// <summary>The answer to an administrator's request that gives something back when done.</summary>
/// <typeparam name="T">What the request gives back.</typeparam>
/// <param name="Status">How it ended.</param>
/// <param name="Message">What was done, or why not.</param>
/// <param name="Value">What it gives back; set when done.</param>
public sealed record AdministrationResult<T>(AdministrationStatus Status, string Message, T? Value) : AdministrationResult(Status, Message)
{
    /// <summary>A request done, with what it gives back.</summary>
    public static AdministrationResult<T> Done(T value, string message = "") => new(AdministrationStatus.Done, message, value);

    /// <summary>The same failure, for a request of another type.</summary>
    public static AdministrationResult<T> From(AdministrationResult failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.Status, failure.Message, default);
    }
}
