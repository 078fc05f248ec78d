using System.Text;

namespace Marcgate.Cli.Validate;

/// <summary>One input of <c>marcgate validate</c>: its path as given and as the UTF-8 the text report repeats on every record line.</summary>
internal sealed class ValidateFile(string path)
{
    public string Path { get; } = path;

    public byte[] PathUtf8 { get; } = Encoding.UTF8.GetBytes(path);
}
