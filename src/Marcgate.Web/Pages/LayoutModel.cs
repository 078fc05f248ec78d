namespace Marcgate.Web.Pages;

/// <summary>What the layout around every page shows: the title, where the page sits in the menu, who is signed in, and a notice left by the last change.</summary>
/// <param name="Title">The page's heading and window title.</param>
/// <param name="Section">The menu entry the page belongs to (<c>dashboard</c>, <c>records</c>, …).</param>
/// <param name="User">The signed-in user, or null on the sign-in page.</param>
/// <param name="Antiforgery">The token every form of the page sends back.</param>
public sealed record LayoutModel(string Title, string Section, SignedInUser? User, string Antiforgery)
{
    /// <summary>What the last change did, shown once.</summary>
    public string? Notice { get; init; }

    /// <summary>Why the request just made was not done.</summary>
    public string? Problem { get; init; }
}
