using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>One import profile's form: every setting with a sentence saying what it does.</summary>
/// <param name="Page">The layout.</param>
/// <param name="Profile">The settings shown (the saved ones, the defaults for a new profile, or what was typed).</param>
/// <param name="IsNew">True when the profile is not saved yet, so its name can be typed.</param>
/// <param name="UsedBy">The logon IDs of the accounts using it.</param>
public sealed record ProfileModel(LayoutModel Page, ImportProfile Profile, bool IsNew, IReadOnlyList<string> UsedBy);
