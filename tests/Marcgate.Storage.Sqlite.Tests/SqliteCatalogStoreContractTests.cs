using Marcgate.Catalog.Storage;
using Marcgate.Storage.Contract;

namespace Marcgate.Storage.Sqlite.Tests;

/// <summary>The store contract run against SQLite, each test in its own temporary data directory.</summary>
public sealed class SqliteCatalogStoreContractTests : CatalogStoreContract
{
    private readonly TemporaryDirectory _directory = new();

    protected override async Task<ICatalogStore> OpenStoreAsync() => await SqliteCatalogStore.OpenAsync(_directory.Path);

    protected override Task<byte[]> ReadEverythingPersistedAsync() =>
        Task.FromResult(Directory.GetFiles(_directory.Path).SelectMany(File.ReadAllBytes).ToArray());

    protected override Task DeleteLocationAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
