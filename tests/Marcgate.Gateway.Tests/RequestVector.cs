namespace Marcgate.Gateway.Tests;

/// <summary>One vector: the request's bytes and what must be read from them.</summary>
internal sealed record RequestVector(string Name, byte[] Bytes, IReadOnlyDictionary<string, string> Expect);
