using Marcgate.Marc.Formats;

namespace Marcgate.Web.Pages;

/// <summary>How a download in each MARC format is named and typed.</summary>
internal static class Downloads
{
    public static string Extension(MarcFormat format) => format switch
    {
        MarcFormat.MarcXml => ".xml",
        MarcFormat.MarcJson => ".json",
        MarcFormat.Mnemonic => ".mrk",
        _ => ".mrc",
    };

    public static string ContentType(MarcFormat format) => format switch
    {
        MarcFormat.MarcXml => "application/marcxml+xml",
        MarcFormat.MarcJson => "application/json",
        MarcFormat.Mnemonic => "text/plain; charset=utf-8",
        _ => "application/marc",
    };
}
