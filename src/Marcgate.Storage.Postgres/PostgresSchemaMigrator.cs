using System.Globalization;
using System.Reflection;
using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>
/// Brings a database to the current schema by running the numbered scripts of <c>Migrations/</c> it has not run yet;
/// <c>schema_migrations</c> lists the ones run. Several host nodes opening one database at once run each script once:
/// they queue on an advisory lock, and the scripts commit together with their rows.
/// </summary>
internal static class PostgresSchemaMigrator
{
    private static readonly Lazy<IReadOnlyList<(int Version, string Name, string Sql)>> s_scripts = new(LoadScripts);

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => s_scripts.Value[^1].Version;

    /// <summary>Runs every script the database has not run, in order, in one transaction; returns the names of those run.</summary>
    /// <exception cref="CatalogStoreException">The database was migrated by a newer Marcgate.</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlConnection connection, string display, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // One lock per schema of the database (tables live in the search path's first schema): a second node waits here,
        // then finds the scripts run.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended('marcgate.schema_migrations.' || current_schema(), 0))", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer NOT NULL PRIMARY KEY,
                name text NOT NULL,
                applied timestamptz NOT NULL DEFAULT now()
            )
            """,
            cancellationToken).ConfigureAwait(false);

        await using (var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection))
        {
            var current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (current > LatestVersion)
            {
                throw new CatalogStoreException(
                    $"{display}: schema version {current} is newer than this Marcgate knows ({LatestVersion}); use a newer Marcgate.");
            }

            var applied = new List<string>();
            foreach (var (version, name, sql) in s_scripts.Value)
            {
                if (version <= current)
                {
                    continue;
                }

                await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection);
                record.Parameters.AddWithValue("version", version);
                record.Parameters.AddWithValue("name", name);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                applied.Add(name);
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return applied;
        }
    }

    /// <summary>The versions the database has run, in order.</summary>
    public static async Task<IReadOnlyList<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int Version, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(PostgresSchemaMigrator).Assembly;
        var scripts = new List<(int Version, string Name, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // Resources are named Migrations.NNNN_description.sql (see the project file).
            if (!resource.StartsWith("Migrations.", StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource["Migrations.".Length..^".sql".Length];
            var number = name.Split('_')[0];
            scripts.Add((int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture), name, Read(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 1, 2, 3… without gaps; found {scripts[i].Version} at position {i + 1}.");
            }
        }

        return scripts;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migration resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
