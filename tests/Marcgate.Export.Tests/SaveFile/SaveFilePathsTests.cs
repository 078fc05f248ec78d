using Marcgate.Export.SaveFile;

namespace Marcgate.Export.Tests.SaveFile;

public sealed class SaveFilePathsTests
{
    [Fact]
    public void Default_path_follows_XDG_data_home_with_an_override()
    {
        var env = new Dictionary<string, string?> { ["HOME"] = "/home/cat" };
        Assert.Equal("/home/cat/.local/share/marcgate/savefile.db", SaveFilePaths.DefaultPath(k => env.GetValueOrDefault(k)));
        env["XDG_DATA_HOME"] = "/xdg";
        Assert.Equal("/xdg/marcgate/savefile.db", SaveFilePaths.DefaultPath(k => env.GetValueOrDefault(k)));
        env["MARCGATE_DATA_DIR"] = "/srv/mg";
        Assert.Equal("/srv/mg/savefile.db", SaveFilePaths.DefaultPath(k => env.GetValueOrDefault(k)));
    }
}
