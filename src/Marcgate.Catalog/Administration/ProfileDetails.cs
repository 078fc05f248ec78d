using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>An import profile as an administrator looks at it.</summary>
/// <param name="Profile">The profile's settings.</param>
/// <param name="BuiltIn">True for the built-in default profile, which is not saved in the store.</param>
/// <param name="UsedBy">The logon IDs of the accounts using it, ordered.</param>
public sealed record ProfileDetails(ImportProfile Profile, bool BuiltIn, IReadOnlyList<string> UsedBy);
