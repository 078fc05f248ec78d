using Marcgate.Catalog.Storage;
using Marcgate.Storage.Contract;

namespace Marcgate.Storage.Postgres.Tests;

/// <summary>The store contract run against PostgreSQL, each test in a schema of its own.</summary>
public sealed class PostgresCatalogStoreContractTests : CatalogStoreContract
{
    private TestSchema? _schema;

    protected override async Task<ICatalogStore> OpenStoreAsync()
    {
        _schema ??= await TestSchema.CreateAsync();
        return await PostgresCatalogStore.OpenAsync(_schema.Location);
    }

    protected override Task<byte[]> ReadEverythingPersistedAsync() => _schema!.DumpAsync();

    protected override async Task DeleteLocationAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
