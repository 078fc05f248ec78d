namespace Marcgate.Catalog.Storage;

/// <summary>A key that signs and encrypts the web console's cookies, as the ASP.NET Core key ring writes it; kept in the store so every node shares it.</summary>
/// <param name="Name">The key's name in the key ring (unique).</param>
/// <param name="Xml">The key's XML element as written.</param>
/// <param name="Created">When it was stored.</param>
public sealed record DataProtectionKey(string Name, string Xml, DateTimeOffset Created);
