using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>What records to find in a repository: every criterion given must hold.</summary>
public sealed record RecordSearchQuery
{
    /// <summary>Text found in 245 (all its subfields), ignoring case.</summary>
    public string? Title { get; init; }

    /// <summary>An OCLC number the record carries (035 $a, 001/003, 019 $a, 035 $z).</summary>
    public OclcNumber? OclcNumber { get; init; }

    /// <summary>An ISBN in 020 $a, ISBN-10 or ISBN-13, hyphens ignored.</summary>
    public string? Isbn { get; init; }

    /// <summary>The most records to return.</summary>
    public int Limit { get; init; } = 100;
}
