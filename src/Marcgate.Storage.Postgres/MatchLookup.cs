using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres;

/// <summary>One caller's look-up of the records of a repository that carry any of some OCLC numbers, waiting for the match reader.</summary>
internal sealed class MatchLookup(string repository, long[] numbers, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<IReadOnlyList<StoredRecord>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Repository { get; } = repository;

    /// <summary>The numbers, distinct.</summary>
    public long[] Numbers { get; } = numbers;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<IReadOnlyList<StoredRecord>> Task => _completion.Task;

    /// <summary>
    /// Answers with the records among <paramref name="found"/> (ordered by id) that carry one of this look-up's numbers:
    /// a record's numbers are all of its rows in <c>oclc_numbers</c>, so those that matched are among them.
    /// </summary>
    public void Complete(IReadOnlyList<StoredRecord> found)
    {
        var matched = new List<StoredRecord>();
        foreach (var record in found)
        {
            if (string.Equals(record.Repository, Repository, StringComparison.Ordinal) && record.OclcNumbers.Any(n => Numbers.Contains(n.Value)))
            {
                matched.Add(record);
            }
        }

        _completion.TrySetResult(matched);
    }

    public void Fail(Exception error) => _completion.TrySetException(error);

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
