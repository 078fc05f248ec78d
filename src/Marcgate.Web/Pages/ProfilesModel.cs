using Marcgate.Catalog.Administration;

namespace Marcgate.Web.Pages;

/// <summary>The import profiles page: each profile with the accounts using it.</summary>
public sealed record ProfilesModel(LayoutModel Page, IReadOnlyList<ProfileDetails> Profiles);
