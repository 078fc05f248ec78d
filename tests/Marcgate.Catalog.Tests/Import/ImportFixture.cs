using System.Text;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Sqlite;
using Marcgate.Validation;

namespace Marcgate.Catalog.Tests.Import;

/// <summary>A real SQLite store in a temporary directory with one repository and one account, and the pipeline over it.</summary>
internal sealed class ImportFixture : IAsyncDisposable
{
    public const string Repository = "NETWORK";
    public const string LogonId = "01CARLI_NETWORK";
    public const string Password = "s3cret-Pa55";
    public const string Peer = "192.0.2.10";

    // One hash per test run: PBKDF2 at 210,000 iterations is slow by design.
    private static readonly Lazy<PasswordHash> s_hash = new(() => PasswordHasher.Hash(Password));

    private readonly string _directory;

    private ImportFixture(string directory, SqliteCatalogStore store, GatewayImportService service)
    {
        _directory = directory;
        Store = store;
        Service = service;
    }

    public SqliteCatalogStore Store { get; }

    /// <summary>Where the store's file is, for a second store on it (as another process would open).</summary>
    public string DataDirectory => _directory;

    public GatewayImportService Service { get; }

    public static async Task<ImportFixture> CreateAsync(ImportProfile? profile = null, ImportOptions? options = null, IReadOnlyList<string>? allow = null, TimeProvider? time = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "marcgate-import-" + Guid.NewGuid().ToString("N"));
        var store = await SqliteCatalogStore.OpenAsync(directory);
        profile ??= new ImportProfile("network");
        await store.AddRepositoryAsync(Repository, DateTimeOffset.UtcNow, default);
        await store.SaveProfileAsync(profile, default);
        await store.SaveAccountAsync(new Account(LogonId, Repository, profile.Name, s_hash.Value) { AllowedAddresses = allow ?? [] }, default);
        var service = new GatewayImportService(store, MarcValidator.Instance, options, time);
        return new ImportFixture(directory, store, service);
    }

    public Task<ImportOutcome> SendAsync(byte[] record, string? logonId = LogonId, string? password = Password, string peer = Peer) =>
        Service.ImportAsync(new ImportRequest(logonId, password, "100-123-456", peer, Service.Read(record)), default);

    public Task<ImportOutcome> SendAsync(MarcRecord record) => SendAsync(Iso2709Writer.Write(record));

    public async Task<MarcRecord> StoredAsync(string id)
    {
        RecordId.TryParse(id, out var recordId);
        var stored = await Store.GetRecordAsync(Repository, recordId, default);
        Assert.NotNull(stored);
        return Parse(stored.Content.Span);
    }

    public async Task<IReadOnlyList<RecordVersion>> HistoryAsync(string id)
    {
        RecordId.TryParse(id, out var recordId);
        return await Store.GetHistoryAsync(Repository, recordId, default);
    }

    public static MarcRecord Parse(ReadOnlySpan<byte> bytes) =>
        Iso2709RecordParser.Parse(bytes, MarcReaderOptions.Default, 1, 0, []) ?? throw new InvalidDataException("unreadable");

    /// <summary>Each record of a corpus file as the bytes a client would send: split at the record terminators.</summary>
    public static IEnumerable<byte[]> RecordsOf(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0x1D)
            {
                yield return bytes[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < bytes.Length && bytes[start..].Any(b => b is not (0x1A or 0x0A or 0x0D or 0x20)))
        {
            yield return bytes[start..];
        }
    }

    public static string Text(MarcRecord record) => string.Join("\n", record.Fields.Select(f => f.ToString()));

    public static string Utf8(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
