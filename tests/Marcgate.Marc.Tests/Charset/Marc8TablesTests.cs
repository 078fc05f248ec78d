using Marcgate.Marc.Charset;
using Marcgate.Marc8TableGen;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Charset;

public sealed class Marc8TablesTests
{
    [Fact]
    public void Checked_in_tables_are_what_the_generator_writes_from_the_source_tables()
    {
        var generated = Marc8TableGenerator.Generate(
            File.ReadAllText(TestFiles.Marc8Tables(Marc8TableGenerator.CodeTablesFile)),
            File.ReadAllText(TestFiles.Marc8Tables(Marc8TableGenerator.InnovativeFile)));
        var checkedIn = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "src", "Marcgate.Marc", "Charset", "Marc8Tables.g.cs"));

        Assert.True(generated == checkedIn, "Marc8Tables.g.cs is stale: run `dotnet run --project tools/Marcgate.Marc8TableGen`");
    }

    [Fact]
    public void Set_indexes_match_the_generated_final_bytes()
    {
        Assert.Equal(Marc8Sets.BasicLatin, Marc8Sets.FromFinal('B'));
        Assert.Equal(Marc8Sets.Ansel, Marc8Sets.FromFinal('E'));
        Assert.Equal(Marc8Sets.GreekSymbols, Marc8Sets.FromFinal('g'));
        Assert.Equal(Marc8Sets.Subscripts, Marc8Sets.FromFinal('b'));
        Assert.Equal(Marc8Sets.Superscripts, Marc8Sets.FromFinal('p'));
        Assert.Equal(Marc8Sets.BasicHebrew, Marc8Sets.FromFinal('2'));
        Assert.Equal(Marc8Sets.BasicCyrillic, Marc8Sets.FromFinal('N'));
        Assert.Equal(Marc8Sets.ExtendedCyrillic, Marc8Sets.FromFinal('Q'));
        Assert.Equal(Marc8Sets.BasicArabic, Marc8Sets.FromFinal('3'));
        Assert.Equal(Marc8Sets.ExtendedArabic, Marc8Sets.FromFinal('4'));
        Assert.Equal(Marc8Sets.BasicGreek, Marc8Sets.FromFinal('S'));
        Assert.Equal(Marc8Sets.Eacc, Marc8Sets.FromFinal('1'));
        Assert.Equal(-1, Marc8Sets.FromFinal('Z'));
    }

    [Fact]
    public void Tables_hold_every_entry_of_the_loc_file()
    {
        var singleByte = 0;
        foreach (var entry in Marc8Tables.SingleByte)
        {
            singleByte += entry == 0 ? 0 : 1;
        }

        // 16,400 <code> entries: 15,739 EACC and 661 in the eleven single-byte sets.
        Assert.Equal(661, singleByte);
        Assert.Equal(15739, Marc8Tables.EaccCodes.Length);
        Assert.Equal(6, Marc8Tables.InnovativeCodes.Length);
    }
}
