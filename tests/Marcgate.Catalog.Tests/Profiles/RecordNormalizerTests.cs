using Marcgate.Catalog.Profiles;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;

namespace Marcgate.Catalog.Tests.Profiles;

// gateway §7 step 3.
public sealed class RecordNormalizerTests
{
    [Fact]
    public void Copies_019a_to_035z_beside_the_current_number()
    {
        var record = RecordBuilder.Bib(' ', "001 ocm00012345", "019 ## $a777$aocm00000888$a12345", "035 ## $a(OCoLC)12345", "245 10 $aTitle");

        RecordNormalizer.Normalize(record, Rules(new ImportProfile("p")));

        var field = Assert.Single(record.GetDataFields("035"));
        Assert.Equal("$a(OCoLC)12345$z(OCoLC)777$z(OCoLC)888", string.Concat(field.Subfields.Select(s => s.ToString())));
        Assert.Single(record.GetDataFields("019"));
    }

    [Fact]
    public void Does_not_copy_numbers_already_in_035z()
    {
        var record = RecordBuilder.Bib(' ', "019 ## $a777", "035 ## $a(OCoLC)12345$z(OCoLC)ocm00000777");

        RecordNormalizer.Normalize(record, Rules(new ImportProfile("p")));

        Assert.Single(record.GetDataFields("035").Single().ValuesOf('z'));
    }

    [Fact]
    public void Creates_an_035_in_tag_order_when_none_holds_an_oclc_number()
    {
        var record = RecordBuilder.Bib(' ', "001 x", "019 ## $a777", "035 ## $a(DLC)99", "245 10 $aT");

        RecordNormalizer.Normalize(record, Rules(new ImportProfile("p")));

        Assert.Equal("001 019 035 035 245", RecordBuilder.Tags(record));
        Assert.Equal("(OCoLC)777", record.GetDataFields("035").Last()['z']);
    }

    [Fact]
    public void Copies_then_deletes_so_019_can_go()
    {
        var record = RecordBuilder.Bib(' ', "019 ## $a777", "029 1# $aAU@", "035 ## $a(OCoLC)1", "245 10 $aT", "938 ## $aX", "994 ## $aC0$bXYZ");

        RecordNormalizer.Normalize(record, Rules(new ImportProfile("p") { FieldsToDelete = ["019", "029", "9XX"] }));

        Assert.Equal("035 245", RecordBuilder.Tags(record));
        Assert.Equal("(OCoLC)777", record.GetDataFields("035").Single()['z']);
    }

    [Fact]
    public void Leaves_019_alone_when_the_profile_says_so()
    {
        var record = RecordBuilder.Bib(' ', "019 ## $a777", "035 ## $a(OCoLC)1");

        RecordNormalizer.Normalize(record, Rules(new ImportProfile("p") { CopyCancelledNumbers = false }));

        Assert.Null(record.GetDataFields("035").Single()['z']);
    }

    [Fact]
    public void Bad_patterns_are_reported_with_the_profile_name()
    {
        var rules = ProfileRules.Create(new ImportProfile("IZ") { FieldsToDelete = ["9XX", "9*9"], ProtectedFields = ["59"] }, out var errors);

        Assert.Equal(2, errors.Count);
        Assert.Contains("Profile 'IZ': '9*9' in fields to delete", errors[0], StringComparison.Ordinal);
        Assert.Contains("'59' in protected fields", errors[1], StringComparison.Ordinal);
        Assert.True(rules.IsProtected("949"));
    }

    internal static ProfileRules Rules(ImportProfile profile)
    {
        var rules = ProfileRules.Create(profile, out var errors);
        Assert.Empty(errors);
        return rules;
    }
}
