using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres.Tests;

/// <summary>The numbered migrations run once per database, however many stores open it and however often.</summary>
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task Opening_applies_every_migration_once_and_opening_again_applies_none()
    {
        await using var schema = await TestSchema.CreateAsync();

        await (await PostgresCatalogStore.OpenAsync(schema.Location)).DisposeAsync();
        var firstApplied = await schema.ScalarAsync<DateTime>("SELECT max(applied) FROM schema_migrations");
        await (await PostgresCatalogStore.OpenAsync(schema.Location)).DisposeAsync();

        Assert.Empty(await PostgresCatalogStore.MigrateAsync(schema.Location));
        Assert.Equal(PostgresCatalogStore.SchemaVersion, await schema.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(PostgresCatalogStore.SchemaVersion, await schema.ScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(firstApplied, await schema.ScalarAsync<DateTime>("SELECT max(applied) FROM schema_migrations"));
    }

    [Fact]
    public async Task Migrate_names_the_scripts_it_runs_in_order()
    {
        await using var schema = await TestSchema.CreateAsync();

        var applied = await PostgresCatalogStore.MigrateAsync(schema.Location);

        Assert.Equal(PostgresCatalogStore.SchemaVersion, applied.Count);
        Assert.Equal("0001_catalog", applied[0]);
        Assert.Equal(applied.Order(StringComparer.Ordinal), applied);
    }

    [Fact]
    public async Task Nodes_opening_a_new_database_at_once_run_each_migration_once()
    {
        await using var schema = await TestSchema.CreateAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresCatalogStore.OpenAsync(schema.Location))));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal(PostgresCatalogStore.SchemaVersion, await schema.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_database_from_a_newer_Marcgate_is_refused_untouched()
    {
        await using var schema = await TestSchema.CreateAsync();
        await PostgresCatalogStore.MigrateAsync(schema.Location);
        var future = PostgresCatalogStore.SchemaVersion + 1;
        await schema.ExecuteAsync($"INSERT INTO {schema.Name}.schema_migrations (version, name) VALUES ({future}, '{future:D4}_future')");

        var error = await Assert.ThrowsAsync<CatalogStoreException>(() => PostgresCatalogStore.OpenAsync(schema.Location));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Equal(PostgresCatalogStore.SchemaVersion + 1, await schema.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }
}
