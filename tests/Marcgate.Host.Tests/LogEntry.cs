using Microsoft.Extensions.Logging;

namespace Marcgate.Host.Tests;

/// <summary>One log entry: its level, event, text, exception and structured fields, as a formatter sees them.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Text, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    public object? this[string key] => State.FirstOrDefault(p => p.Key == key).Value;
}
