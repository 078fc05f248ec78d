using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway.Client;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Sqlite;
using Marcgate.Tests;
using Microsoft.Data.Sqlite;

namespace Marcgate.Cli.Tests;

/// <summary>
/// <c>marcgate serve</c> with its data directory on a small tmpfs this test mounts, fed by several clients until the disk
/// is full: every reply is an acknowledgement of a record really stored or a <c>storage-full</c> refusal of one not stored,
/// the host logs the full disk once, and once space is freed it stores records again without a restart.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private const string LogonId = "01CARLI_NETWORK";
    private const string Password = "disk-full-secret-5500";
    private const string Repository = "NETWORK";
    private const int Clients = 8;
    private const long FirstNumber = 81_000_000;

    // Each client stops once the host has refused this many of its records for a full disk.
    private const int RefusalsPerClient = 4;

    // The disk never filling within this many records is a failure, not a reason to go on for ever.
    private const int MaxSends = 30_000;

    private readonly ExportCliRunner _cli = new();
    private readonly List<string> _hostOutput = [];
    private long _next;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_full_disk_loses_no_acknowledged_record_and_the_host_stores_again_once_space_is_freed()
    {
        var disk = Path.Combine(_cli.Directory, "disk");
        Directory.CreateDirectory(disk);
        Mount(disk, "16m");
        Process? host = null;
        try
        {
            var data = Path.Combine(disk, "data");
            await using (var store = await SqliteCatalogStore.OpenAsync(data))
            {
                await store.AddRepositoryAsync(Repository, DateTimeOffset.UtcNow, default);
                await store.SaveAccountAsync(new Account(LogonId, Repository, ImportOptions.DefaultProfileName, PasswordHasher.Hash(Password)), default);
            }

            SqliteConnection.ClearAllPools();

            // All but about 1.5 MB taken by a file of the test's own: the load fills the rest, and deleting it gives space back.
            var filler = Path.Combine(disk, "filler");
            Fill(filler, new DriveInfo(disk).AvailableFreeSpace - (3 << 19));

            var port = ServeProcess.FreePort();
            var start = MarcgateProcess.StartInfo(["serve", "--data", data, "--listen", $"127.0.0.1:{port}", "--no-web"]);
            host = await ServeProcess.StartAsync(start, _hostOutput);

            var filling = await LoadAsync(port, untilRefused: RefusalsPerClient);
            Assert.False(host.HasExited, "the host exited while the disk was full:\n" + HostOutput());
            Assert.Contains(filling, r => r.Reply?.Code == "storage-full");
            Assert.Contains(filling, r => r.Reply?.Status == "ok");
            AssertEveryReplyIsAnAcknowledgementOrStorageFull(filling);
            var refusal = filling.First(r => r.Reply?.Code == "storage-full").Reply!;
            Assert.Equal("Import Failed. Storage full--the host's disk is full, so the record was not stored; send it again once the host's administrator has freed space.", refusal.HumanLine);
            Assert.Single(HostLines("The catalog store is out of disk space: records are refused with code=storage-full and nothing is stored until space is freed; "));
            Assert.Contains(data, HostLines("The catalog store is out of disk space")[0], StringComparison.Ordinal);

            File.Delete(filler);
            var recovered = await LoadAsync(port, untilRefused: 0, count: 64);

            Assert.False(host.HasExited, "the host exited after space was freed:\n" + HostOutput());
            Assert.All(recovered, r => Assert.True(r.Reply is { Status: "ok", Action: "added" }, $"OCLC {r.Number} after space was freed: {r.Reply?.ToString() ?? "no reply"}"));
            Assert.Single(HostLines("The catalog store has disk space again: records are stored; "));
            Assert.Single(HostLines("The catalog store is out of disk space"));

            // SIGKILL: what the host acknowledged must be in the file, not in a buffer it would have flushed on a clean stop.
            ServeProcess.Stop(host);
            host = null;
            var replies = filling.Concat(recovered).ToList();
            await AssertStoredExactlyWhatWasAcknowledgedAsync(data, replies);

            var count = _cli.Run("records", "count", "--repository", Repository, "--data", data);
            Assert.True(count.Exit == 0, count.Error);
            Assert.Equal(replies.Count(r => r.Reply?.Status == "ok").ToString(CultureInfo.InvariantCulture), count.Output.Trim());
        }
        finally
        {
            ServeProcess.Stop(host);
            SqliteConnection.ClearAllPools();
            Unmount(disk);
        }
    }

    private static void AssertEveryReplyIsAnAcknowledgementOrStorageFull(IEnumerable<Sent> replies) =>
        Assert.All(replies, r => Assert.True(
            r.Reply is { Status: "ok", Action: "added" } or { Status: "error", Code: "storage-full" },
            $"OCLC {r.Number}: {r.Reply?.ToString() ?? "no reply"}"));

    private static async Task AssertStoredExactlyWhatWasAcknowledgedAsync(string data, List<Sent> replies)
    {
        await using var store = await SqliteCatalogStore.OpenAsync(data);
        var stored = (await store.ListRecordsAsync(Repository, null, MaxSends * 2, default))
            .ToDictionary(r => r.OclcNumbers.Single().Value, r => r.Id.ToString());

        foreach (var (number, reply) in replies)
        {
            if (reply!.Status == "ok")
            {
                Assert.True(stored.TryGetValue(number, out var id), $"OCLC {number} was acknowledged as record {reply.RecordId} but is not stored");
                Assert.Equal(reply.RecordId, id);
            }
            else
            {
                Assert.False(stored.ContainsKey(number), $"OCLC {number} was refused storage-full but is stored");
            }
        }

        Assert.Equal(replies.Count(r => r.Reply!.Status == "ok"), stored.Count);
    }

    // Clients send records of new OCLC numbers, one per connection as Connexion does, each until the host has refused
    // untilRefused of its records for a full disk, or all together until count records are answered.
    private async Task<List<Sent>> LoadAsync(int port, int untilRefused, int count = MaxSends)
    {
        var replies = new ConcurrentBag<Sent>();
        var last = Interlocked.Read(ref _next) + count;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            var refused = 0;
            while (untilRefused == 0 || refused < untilRefused)
            {
                var number = Interlocked.Increment(ref _next);
                if (number > last)
                {
                    return;
                }

                var reply = await SendAsync(port, FirstNumber + number);
                replies.Add(new Sent(FirstNumber + number, reply));
                if (reply is null || reply.Status != "ok")
                {
                    refused++;
                }
            }
        })));
        Assert.True(untilRefused == 0 || Interlocked.Read(ref _next) <= last, $"the disk did not fill within {MaxSends} records");
        return [.. replies];
    }

    private static async Task<HostReply?> SendAsync(int port, long number)
    {
        var record = new MarcRecord(new Leader("00000nam a2200000 a 4500"),
        [
            new ControlField("001", $"ocm{number}"),
            new ControlField("003", "OCoLC"),
            new ControlField("005", "20261207120000.0"),
            new ControlField("008", "240101s2024    ilu           000 0 eng d"),
            new DataField("035", ' ', ' ', [new Subfield('a', $"(OCoLC){number}")]),
            new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('c', "DLC")]),
            new DataField("245", '1', '0', [new Subfield('a', $"Loaded until the disk is full, record {number}.")]),
            new DataField("500", ' ', ' ', [new Subfield('a', string.Concat(Enumerable.Repeat($"A note that makes record {number} the size of a real one. ", 12)))]),
        ]);
        var request = GatewayRequestWriter.Write(new GatewayLogon(LogonId, Password, "cataloger"), Iso2709Writer.Write(record), notifyHost: true);
        try
        {
            return await GatewayExchange.SendAsync(port, request);
        }
        catch (OperationCanceledException)
        {
            // No reply within a minute: the test reports it as such.
            return null;
        }
    }

    private List<string> HostLines(string start)
    {
        lock (_hostOutput)
        {
            return [.. _hostOutput.Where(line => line.Contains(start, StringComparison.Ordinal))];
        }
    }

    private string HostOutput()
    {
        lock (_hostOutput)
        {
            return string.Join('\n', _hostOutput.TakeLast(40));
        }
    }

    private static void Fill(string path, long bytes)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var block = new byte[1 << 16];
        for (var left = bytes; left > 0; left -= block.Length)
        {
            file.Write(block, 0, (int)Math.Min(left, block.Length));
        }
    }

    // The test needs a file system it can fill: a tmpfs of its own, which takes root (or CAP_SYS_ADMIN). Without one it fails.
    private static void Mount(string directory, string size)
    {
        var (exit, error) = Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", directory);
        if (exit != 0)
        {
            throw new InvalidOperationException(
                $"This test puts the host's data directory on a {size} tmpfs it mounts at {directory}, and mounting failed (exit {exit}): {error.Trim()}. "
                + "Run the tests as root or with CAP_SYS_ADMIN, as the CI machine does.");
        }
    }

    private static void Unmount(string directory)
    {
        var (exit, error) = Run("umount", directory);
        if (exit != 0 && !error.Contains("not mounted", StringComparison.Ordinal))
        {
            // Something still holds a file there: detach it, so no mount outlives the test.
            Run("umount", "--lazy", directory);
        }
    }

    private static (int Exit, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error.Result);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, $"{program}: {missing.Message}");
        }
    }

    private sealed record Sent(long Number, HostReply? Reply);
}
