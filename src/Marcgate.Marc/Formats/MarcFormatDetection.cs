namespace Marcgate.Marc.Formats;

/// <summary>What the first bytes of an input say it is: a MARC format, or not MARC and what it looks like instead.</summary>
/// <param name="Format">The MARC format to read the input as, or null when it is not MARC.</param>
/// <param name="NotMarc">When <paramref name="Format"/> is null, what the input is instead, as a phrase ("it looks like a JPEG image").</param>
public readonly record struct MarcFormatDetection(MarcFormat? Format, string? NotMarc)
{
    /// <summary>True when the input is to be read as MARC.</summary>
    public bool IsMarc => Format is not null;

    internal static MarcFormatDetection Marc(MarcFormat format) => new(format, null);

    internal static MarcFormatDetection Other(string what) => new(null, what);
}
