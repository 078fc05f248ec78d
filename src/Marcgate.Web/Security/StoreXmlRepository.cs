using System.Xml.Linq;
using Marcgate.Catalog.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Marcgate.Web.Security;

/// <summary>
/// Keeps the console's Data Protection key ring in the catalog store, so that a cookie made by one node is accepted by
/// every node serving the same catalog.
/// </summary>
/// <remarks>
/// The key ring reads and writes rarely (at start and when a key is due, every 90 days) and only through this
/// synchronous interface, so the store's calls are waited for here. The keys are stored as written: anyone who can
/// read the store can already change every record in it.
/// </remarks>
internal sealed class StoreXmlRepository(ICatalogStore store, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ListDataProtectionKeysAsync(CancellationToken.None).GetAwaiter().GetResult().Select(key => XElement.Parse(key.Xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        store.AddDataProtectionKeyAsync(new DataProtectionKey(name, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow()), CancellationToken.None)
            .GetAwaiter().GetResult();
    }
}
