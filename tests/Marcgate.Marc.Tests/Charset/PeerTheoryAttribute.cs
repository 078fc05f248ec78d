namespace Marcgate.Marc.Tests.Charset;

/// <summary>A theory that runs against an installed peer tool and is skipped only when the tool is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PeerTheoryAttribute : TheoryAttribute
{
    public PeerTheoryAttribute(string program)
    {
        if (!PeerTool.IsInstalled(program))
        {
            Skip = $"{program} is not installed (./test.sh installs it)";
        }
    }
}
