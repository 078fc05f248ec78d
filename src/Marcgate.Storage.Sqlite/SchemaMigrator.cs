using System.Globalization;
using System.Reflection;
using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>Brings a database to the current schema by running the numbered scripts of <c>Migrations/</c> it has not run yet; <c>PRAGMA user_version</c> holds the last one run.</summary>
internal static class SchemaMigrator
{
    private static readonly Lazy<IReadOnlyList<(int Version, string Sql)>> s_scripts = new(LoadScripts);

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => s_scripts.Value[^1].Version;

    public static int GetVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs every script above the database's version up to <paramref name="targetVersion"/>, each in its own transaction.</summary>
    /// <exception cref="CatalogStoreException">The database was written by a newer Marcgate.</exception>
    public static void Migrate(SqliteConnection connection, string path, int? targetVersion = null)
    {
        var target = targetVersion ?? LatestVersion;
        var current = GetVersion(connection);
        if (current > LatestVersion)
        {
            throw new CatalogStoreException(
                $"{path}: schema version {current} is newer than this Marcgate knows ({LatestVersion}); use a newer Marcgate.");
        }

        foreach (var (version, sql) in s_scripts.Value)
        {
            if (version <= current || version > target)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql + $"\nPRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static List<(int Version, string Sql)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<(int Version, string Sql)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // Resources are named Migrations.NNNN_description.sql (see the project file).
            if (!name.StartsWith("Migrations.", StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var number = name["Migrations.".Length..].Split('_')[0];
            scripts.Add((int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture), Read(assembly, name)));
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
