using System.Security.Cryptography;
using System.Text;
using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

/// <summary>
/// The behaviour every <see cref="ICatalogStore"/> must show. Each store's test project compiles these files in and
/// runs them by deriving a class that says how to open its store on a fresh location.
/// </summary>
public abstract partial class CatalogStoreContract : IAsyncLifetime
{
    protected const string Network = "NETWORK";
    protected const string Sandbox = "SANDBOX";

    protected static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private ICatalogStore? _store;

    /// <summary>The store under test, opened on this test's own fresh location.</summary>
    protected ICatalogStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>Opens the store on this test's location; called again after a dispose, it must find everything committed.</summary>
    protected abstract Task<ICatalogStore> OpenStoreAsync();

    /// <summary>Every byte the implementation has persisted for this test's location (files, table dumps).</summary>
    protected abstract Task<byte[]> ReadEverythingPersistedAsync();

    /// <summary>Removes this test's location.</summary>
    protected abstract Task DeleteLocationAsync();

    public async Task InitializeAsync()
    {
        _store = await OpenStoreAsync();
        await Store.AddRepositoryAsync(Network, T0, default);
        await Store.AddRepositoryAsync(Sandbox, T0, default);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }

        await DeleteLocationAsync();
    }

    /// <summary>Closes the store and opens it again on the same location.</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        _store = null;
        _store = await OpenStoreAsync();
    }

    protected static byte[] Content(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    protected static OclcNumber[] Numbers(params long[] values) => [.. values.Select(v => new OclcNumber(v))];

    protected static RecordCommit Add(string repository, string text, params long[] numbers) =>
        new(repository, Content(text), Numbers(numbers), T0, "192.0.2.10")
        {
            PrimaryOclcNumber = numbers.Length > 0 ? new OclcNumber(numbers[0]) : null,
            LogonId = "cataloger1",
            UserId = "jdoe",
        };

    protected static RecordCommit Overlay(StoredRecord existing, string text, params long[] numbers) =>
        Add(existing.Repository, text, numbers) with { ExistingId = existing.Id, ExpectedVersion = existing.Version, At = T0.AddMinutes(5) };

    protected async Task<StoredRecord> AddedAsync(string repository, string text, params long[] numbers)
    {
        var result = await Store.CommitAsync(Add(repository, text, numbers), default);
        Assert.Equal(CommitStatus.Added, result.Status);
        return (await Store.GetRecordAsync(repository, result.RecordId!.Value, default))!;
    }
}
