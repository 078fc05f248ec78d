using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>
/// Where a PostgreSQL catalog lives: a URL (<c>postgres://user:password@host:port/database?sslmode=require</c>) or an
/// Npgsql keyword string (<c>Host=…;Username=…;Database=…</c>), with a form safe to show that never holds the password.
/// </summary>
public sealed class PostgresConnectionString
{
    // Enough for the host's commits to run side by side; PostgreSQL's default max_connections (100) leaves room for a second node.
    private const int DefaultMaxPoolSize = 32;

    private PostgresConnectionString(string connectionString, string display)
    {
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>The Npgsql connection string, password included; never shown.</summary>
    internal string ConnectionString { get; }

    /// <summary>The location as <c>postgres://user@host:port/database</c>, without the password: the form messages and logs use.</summary>
    public string Display { get; }

    /// <summary>Whether the text is a PostgreSQL URL (<c>postgres://</c> or <c>postgresql://</c>).</summary>
    public static bool IsUrl(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a URL or an Npgsql keyword string.</summary>
    /// <exception cref="FormatException">The text is neither; the message never repeats the text, which may hold a password.</exception>
    public static PostgresConnectionString Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = IsUrl(text) ? FromUrl(text) : FromKeywords(text);
        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new FormatException("The PostgreSQL connection string names no host.");
        }

        if (!HasKey(text, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        // Every commit waits for its WAL record to be flushed before the reply (gateway §7 step 8), whatever the
        // server's or the role's default; concurrent commits share the server's flushes (its own group commit).
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? "-c synchronous_commit=on"
            : builder.Options + " -c synchronous_commit=on";
        builder.ApplicationName ??= "marcgate";
        return new PostgresConnectionString(builder.ConnectionString, Describe(builder));
    }

    /// <summary>The display form of <paramref name="text"/>, or a fixed placeholder when it does not parse; never the password.</summary>
    public static string Mask(string text)
    {
        try
        {
            return Parse(text).Display;
        }
        catch (FormatException)
        {
            return "postgres://(unreadable connection string)";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Display;

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("The PostgreSQL URL does not parse; expected postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                // libpq's names where they differ from Npgsql's; anything else is an Npgsql keyword.
                builder[key.ToLowerInvariant() switch
                {
                    "sslmode" => "SSL Mode",
                    "application_name" => "Application Name",
                    "connect_timeout" => "Timeout",
                    _ => key,
                }] = value;
            }
            catch (ArgumentException)
            {
                throw new FormatException($"The PostgreSQL URL has an unknown or invalid parameter '{key}'.");
            }
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            // Npgsql's message may quote the text, password included: it is not passed on.
            throw new FormatException("The PostgreSQL connection string does not parse; expected postgres://user:password@host:port/database or Host=…;Username=…;Database=….");
        }
    }

    private static bool HasKey(string text, params string[] keys)
    {
        if (IsUrl(text))
        {
            var query = text.Contains('?', StringComparison.Ordinal) ? text[(text.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
            return query.Split('&').Any(p => keys.Any(k => p.StartsWith(k + "=", StringComparison.OrdinalIgnoreCase)));
        }

        var generic = new DbConnectionStringBuilder { ConnectionString = text };
        return keys.Any(generic.ContainsKey);
    }

    private static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? string.Empty : Uri.EscapeDataString(builder.Username) + "@";
        var host = builder.Host!.Contains(':', StringComparison.Ordinal) && !builder.Host.Contains(',', StringComparison.Ordinal) ? $"[{builder.Host}]" : builder.Host;
        var database = string.IsNullOrEmpty(builder.Database) ? string.Empty : Uri.EscapeDataString(builder.Database);
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{host}:{builder.Port}/{database}");
    }
}
