using System.CommandLine;
using Marcgate.Catalog.Storage;
using Marcgate.Host;
using Marcgate.Storage.Postgres;
using Marcgate.Storage.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Marcgate.Cli;

/// <summary>
/// Which catalog store a command opens: SQLite under the data directory (the default), or PostgreSQL from
/// <c>--store URL</c>, <c>Storage:Provider</c> and <c>Storage:ConnectionString</c> in appsettings.json, or
/// <c>MARCGATE_Storage__ConnectionString</c>. The one place the program chooses a store.
/// </summary>
internal sealed class CatalogStoreSelection
{
    public const string OptionName = "--store";
    public const string ProviderKey = "Storage:Provider";
    public const string ConnectionStringKey = "Storage:ConnectionString";
    public const string QuickCheckKey = "Storage:QuickCheck";

    private CatalogStoreSelection(string? dataDirectory, PostgresConnectionString? postgres)
    {
        DataDirectory = dataDirectory;
        Postgres = postgres;
    }

    /// <summary>The SQLite data directory, or null for PostgreSQL.</summary>
    public string? DataDirectory { get; }

    /// <summary>The PostgreSQL database, or null for SQLite.</summary>
    public PostgresConnectionString? Postgres { get; }

    /// <summary>Whether opening a SQLite catalog runs <c>PRAGMA quick_check</c> first (<c>Storage:QuickCheck</c>, default true).</summary>
    public bool QuickCheckOnOpen { get; private init; } = true;

    /// <summary>Where the store is, as messages show it: the data directory, or the database's URL without its password.</summary>
    public string Display => Postgres?.Display ?? DataDirectory!;

    /// <summary>The <c>--store</c> option (an option belongs to one command).</summary>
    public static Option<string> CreateOption() => new(OptionName)
    {
        Description = "The catalog store: postgres://user:password@host:port/database (or an Npgsql connection string) for PostgreSQL; "
            + "default SQLite under --data. Also Storage:Provider (sqlite|postgres) and Storage:ConnectionString in appsettings.json "
            + "or MARCGATE_Storage__ConnectionString.",
    };

    /// <summary>Gives every command that opens the catalog (those with <c>--data</c>) a <c>--store</c> option too.</summary>
    public static void AddOptionTo(Command command)
    {
        if (command.Options.Any(o => o.Name == "--data") && command.Options.All(o => o.Name != OptionName))
        {
            command.Options.Add(CreateOption());
        }

        foreach (var subcommand in command.Subcommands)
        {
            AddOptionTo(subcommand);
        }
    }

    /// <summary>The value of the parsed command's <c>--store</c> option, if it has one and it was given.</summary>
    public static string? StoreOptionValue(ParseResult parse) =>
        parse.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == OptionName) is { } option
            ? parse.GetValue(option)
            : null;

    /// <summary>The configuration the administration commands read, from the same sources as <c>marcgate serve</c>.</summary>
    public static IConfiguration ReadConfiguration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(GatewayHostApplication.EnvironmentPrefix)
            .Build();

    /// <summary>The store a command's <c>--store</c> and <c>--data</c> options choose, with the configuration as <see cref="Resolve(string?, IConfiguration, string, bool)"/> reads it.</summary>
    /// <exception cref="FormatException">As <see cref="Resolve(string?, IConfiguration, string, bool)"/>.</exception>
    public static CatalogStoreSelection FromCommandLine(ParseResult parse, Option<string> data)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return Resolve(StoreOptionValue(parse), ReadConfiguration(), parse.GetValue(data) ?? Admin.DataDirectory.Default, parse.GetResult(data) is { Implicit: false });
    }

    /// <summary>
    /// Chooses the store: <paramref name="store"/> (from <c>--store</c>) first, then the configuration, then SQLite under
    /// <paramref name="dataDirectory"/>. A PostgreSQL store with a data directory named too (<c>--data</c>, or <c>Data</c>
    /// configured for <c>serve</c>) is refused: the two name different catalogs, and one would be silently ignored.
    /// </summary>
    /// <exception cref="FormatException">The choice is unknown, its connection string does not parse, or it is PostgreSQL while
    /// <paramref name="dataDirectoryNamed"/>; the message never holds a password.</exception>
    public static CatalogStoreSelection Resolve(string? store, IConfiguration configuration, string dataDirectory, bool dataDirectoryNamed)
    {
        var selection = Resolve(store, configuration, dataDirectory);
        selection = new CatalogStoreSelection(selection.DataDirectory, selection.Postgres) { QuickCheckOnOpen = ReadQuickCheck(configuration) };
        if (selection.Postgres is { } postgres && dataDirectoryNamed)
        {
            var named = string.IsNullOrWhiteSpace(store) ? $"{ConnectionStringKey} names" : $"{OptionName} names";
            throw new FormatException(
                $"--data {dataDirectory} and the PostgreSQL store {postgres.Display} ({named} it) are two different catalogs; "
                + $"give --data for SQLite or {OptionName} for PostgreSQL, not both.");
        }

        return selection;
    }

    private static CatalogStoreSelection Resolve(string? store, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(store))
        {
            return store.Trim().ToLowerInvariant() switch
            {
                "sqlite" => Sqlite(dataDirectory),
                "postgres" or "postgresql" => PostgresFrom(connectionString),
                _ when PostgresConnectionString.IsUrl(store) || store.Contains('=', StringComparison.Ordinal) => PostgresFrom(store),
                _ => throw new FormatException(
                    $"{OptionName} takes postgres://user:password@host:port/database, an Npgsql connection string, 'postgres' (with {ConnectionStringKey}) or 'sqlite'."),
            };
        }

        return configuration[ProviderKey]?.Trim().ToLowerInvariant() switch
        {
            null or "" => string.IsNullOrWhiteSpace(connectionString) ? Sqlite(dataDirectory) : PostgresFrom(connectionString),
            "sqlite" => Sqlite(dataDirectory),
            "postgres" or "postgresql" => PostgresFrom(connectionString),
            var other => throw new FormatException($"{ProviderKey} is '{other}'; use sqlite or postgres."),
        };
    }

    // A file that fails the check is refused at start rather than found damaged mid-import; turning it off saves one read of
    // every page per start, which a very large catalog on slow disks may want (bench/results/sqlite-integrity-check.md).
    private static bool ReadQuickCheck(IConfiguration configuration) =>
        configuration[QuickCheckKey]?.Trim() switch
        {
            null or "" => true,
            var value when bool.TryParse(value, out var on) => on,
            var other => throw new FormatException($"{QuickCheckKey} is '{other}'; use true or false."),
        };

    /// <summary>The store one value names: a PostgreSQL URL or Npgsql connection string, otherwise a SQLite data directory.</summary>
    /// <exception cref="FormatException">The connection string does not parse; the message never holds a password.</exception>
    public static CatalogStoreSelection FromLocation(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return PostgresConnectionString.IsUrl(location) || location.Contains('=', StringComparison.Ordinal) ? PostgresFrom(location) : Sqlite(location);
    }

    /// <summary>Whether a SQLite catalog exists there already (a PostgreSQL store is taken to exist).</summary>
    public bool Exists => Postgres is not null || File.Exists(Path.Combine(DataDirectory!, SqliteCatalogStore.DatabaseFileName));

    /// <summary>Opens the chosen store, bringing its schema up to date.</summary>
    /// <exception cref="CatalogStoreException">The store cannot be opened.</exception>
    public async Task<ICatalogStore> OpenAsync(CancellationToken cancellationToken) =>
        Postgres is { } postgres
            ? await PostgresCatalogStore.OpenAsync(postgres, cancellationToken).ConfigureAwait(false)
            : await SqliteCatalogStore.OpenAsync(DataDirectory!, new SqliteCatalogStoreOptions { QuickCheckOnOpen = QuickCheckOnOpen }, cancellationToken).ConfigureAwait(false);

    /// <summary>The words that point a later command at the same store (<c>--data DIR</c> or <c>--store URL</c>, without the password).</summary>
    public string CommandLineHint => Postgres is { } postgres ? $"{OptionName} {postgres.Display}" : $"--data {DataDirectory}";

    private static CatalogStoreSelection Sqlite(string dataDirectory) => new(Path.GetFullPath(dataDirectory), null);

    private static CatalogStoreSelection PostgresFrom(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new FormatException($"The PostgreSQL store needs a connection string: {OptionName} postgres://user:password@host:port/database or {ConnectionStringKey} (MARCGATE_Storage__ConnectionString).")
            : new(null, PostgresConnectionString.Parse(connectionString));
}
