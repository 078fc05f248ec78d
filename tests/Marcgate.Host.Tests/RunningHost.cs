using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marcgate.Host.Tests;

/// <summary>A gateway host on 127.0.0.1, port 0, with short configured timeouts and a test importer.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(GatewayServer server, RecordingImporter importer, ListLogger logger)
    {
        Server = server;
        Importer = importer;
        Log = logger;
    }

    public GatewayServer Server { get; }

    public RecordingImporter Importer { get; }

    public ListLogger Log { get; }

    public IPEndPoint EndPoint => Server.EndPoints[0];

    public static async Task<RunningHost> StartAsync(Action<GatewayHostOptions>? configure = null, RecordingImporter? importer = null)
    {
        var options = new GatewayHostOptions
        {
            Listen = ["127.0.0.1:0"],
            // Long enough that a test process busy with other tests never times out a request it is not testing for;
            // tests of the timeout set their own.
            IdleTimeout = TimeSpan.FromSeconds(5),
            SettleTime = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        importer ??= new RecordingImporter();
        var logger = new ListLogger();
        var server = new GatewayServer(Options.Create(options), importer, logger);
        await server.StartAsync(CancellationToken.None);
        return new RunningHost(server, importer, logger);
    }

    public Task<GatewayTestClient> ConnectAsync() => GatewayTestClient.ConnectAsync(EndPoint);

    public async Task<Reply> SendOneAsync(byte[] request)
    {
        await using var client = await ConnectAsync();
        await client.SendAsync(request);
        return Reply.Parse(await client.ReadReplyAsync());
    }

    public async ValueTask DisposeAsync()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(cancel.Token);
        await Server.DisposeAsync();
    }
}

/// <summary>Keeps every log line, to check what is (and is never) logged.</summary>
internal sealed class ListLogger : ILogger<GatewayServer>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<string> Lines => [.. _entries.Select(e => e.Text)];

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), exception, state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
}
