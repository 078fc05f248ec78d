using System.Text.Json;
using Marcgate.Catalog.Storage;
using Marcgate.Export.Options;
using Microsoft.AspNetCore.DataProtection;

namespace Marcgate.Web.Cataloging;

/// <summary>Named export destinations: a cataloger's own and those an admin keeps for everyone; the cataloger's win on a clash of names.</summary>
internal sealed class NamedDestinations(ICatalogStore store, IDataProtectionProvider protection, TimeProvider time)
{
    public const int MaxNameLength = 64;

    private const string PasswordPurpose = "Marcgate.Web.Cataloging.DestinationPassword";

    /// <summary>A destination as a list shows it.</summary>
    public sealed record Entry(string Name, bool ForEveryone, DestinationDocument Destination);

    /// <summary>The destinations a cataloger may pick: their own, then everyone's not shadowed by one of theirs, by name.</summary>
    public async Task<IReadOnlyList<Entry>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        var mine = await ListOfAsync(owner, false, cancellationToken).ConfigureAwait(false);
        var everyone = await ListOfAsync(StaffDocument.Everyone, true, cancellationToken).ConfigureAwait(false);
        return [.. mine.Concat(everyone.Where(e => mine.All(m => m.Name != e.Name))).OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<Entry?> FindAsync(string owner, string name, CancellationToken cancellationToken) =>
        (await ListAsync(owner, cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => e.Name == name);

    /// <summary>Checks and keeps a destination; the reasons are keyed by field (<c>name</c>, <c>host</c>, <c>port</c>, <c>logon-id</c>).</summary>
    /// <param name="owner">The cataloger, or <see cref="StaffDocument.Everyone"/>.</param>
    /// <param name="name">The destination's name.</param>
    /// <param name="host">Host Name.</param>
    /// <param name="port">Port Number, as typed.</param>
    /// <param name="logonId">Logon ID, or empty.</param>
    /// <param name="password">A new password, or empty to keep the one kept.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<Dictionary<string, string>> SaveAsync(string owner, string name, string host, string port, string logonId, string password, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            problems["name"] = $"give a name of 1-{MaxNameLength} characters, e.g. Network Zone";
        }

        var options = ExportOptions.Default;
        foreach (var (key, value) in new[] { ("host", host), ("port", port), ("logon-id", logonId) })
        {
            var (applied, error) = ExportOptionKeys.Find(key)!.Parse(options, value);
            if (applied is null)
            {
                problems[key] = error!.StartsWith(key + ": ", StringComparison.Ordinal) ? error[(key.Length + 2)..] : error;
            }
            else
            {
                options = applied;
            }
        }

        if (string.IsNullOrWhiteSpace(host))
        {
            problems["host"] = "give the host name";
        }
        else if (options.Check().FirstOrDefault(p => p.StartsWith("host: ", StringComparison.Ordinal)) is { } hostProblem)
        {
            problems["host"] = hostProblem["host: ".Length..];
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var existing = await store.GetStaffDocumentAsync(owner, StaffDocumentKinds.Destination, name, cancellationToken).ConfigureAwait(false);
        var kept = existing is null ? null : JsonSerializer.Deserialize(existing.Value, CatalogingJson.Default.DestinationDocument);
        var document = new DestinationDocument
        {
            Host = options.Host!,
            Port = options.Port,
            LogonId = options.LogonId,
            ProtectedPassword = password.Length > 0 ? Protector().Protect(password) : kept?.ProtectedPassword,
        };
        await store.SaveStaffDocumentAsync(
            new StaffDocument(owner, StaffDocumentKinds.Destination, name, JsonSerializer.Serialize(document, CatalogingJson.Default.DestinationDocument), time.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        return problems;
    }

    public Task<bool> RemoveAsync(string owner, string name, CancellationToken cancellationToken) =>
        store.RemoveStaffDocumentAsync(owner, StaffDocumentKinds.Destination, name, cancellationToken);

    /// <summary>The options with the destination's connection values over them; its password, when it keeps one, for the export.</summary>
    public ExportOptions Apply(ExportOptions options, Entry entry, out string? password)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(entry);
        password = null;
        if (entry.Destination.ProtectedPassword is { } protectedPassword)
        {
            try
            {
                password = Protector().Unprotect(protectedPassword);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                password = null;
            }
        }

        return options with
        {
            Host = entry.Destination.Host,
            Port = entry.Destination.Port,
            LogonId = entry.Destination.LogonId ?? options.LogonId,
            DestinationName = entry.Name,
        };
    }

    // One purpose for all destinations: a destination kept by an admin for everyone is read by every cataloger's export.
    private IDataProtector Protector() => protection.CreateProtector(PasswordPurpose);

    private async Task<List<Entry>> ListOfAsync(string owner, bool forEveryone, CancellationToken cancellationToken)
    {
        var documents = await store.ListStaffDocumentsAsync(owner, StaffDocumentKinds.Destination, cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(d => new Entry(d.Key, forEveryone, JsonSerializer.Deserialize(d.Value, CatalogingJson.Default.DestinationDocument)!))];
    }
}
