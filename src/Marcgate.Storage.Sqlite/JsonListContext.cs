using System.Text.Json.Serialization;

namespace Marcgate.Storage.Sqlite;

/// <summary>Serialization code for <see cref="JsonList"/>, generated at build time so the store needs no reflection.</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class JsonListContext : JsonSerializerContext;
