using Marcgate.Catalog.Matching;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Tests;

namespace Marcgate.Catalog.Tests.Matching;

public sealed class RecordOclcNumbersTests
{
    [Fact]
    public void Collects_035a_001_with_003_019a_and_035z()
    {
        var record = new MarcRecord(fields:
        [
            new ControlField("001", "ocm00012345"),
            new ControlField("003", "OCoLC"),
            new DataField("019", ' ', ' ', [new('a', "777"), new('a', "888")]),
            new DataField("035", ' ', ' ', [new('a', "(OCoLC)12345"), new('z', "(OCoLC)ocm00000999")]),
            new DataField("035", ' ', ' ', [new('a', "(DLC)   2001012345")]),
        ]);

        var numbers = RecordOclcNumbers.From(record);

        Assert.Equal([new OclcNumber(12345)], numbers.Current);
        Assert.Equal([new OclcNumber(999), new OclcNumber(777), new OclcNumber(888)], numbers.Cancelled);
        Assert.Equal(new OclcNumber(12345), numbers.Primary);
        Assert.Empty(numbers.Warnings);
    }

    [Fact]
    public void Ignores_001_when_003_is_another_agency()
    {
        var record = new MarcRecord(fields: [new ControlField("001", "12345"), new ControlField("003", "DLC")]);

        var numbers = RecordOclcNumbers.From(record);

        Assert.Empty(numbers.All);
        Assert.Null(numbers.Primary);
    }

    [Fact]
    public void Warns_about_garbage_that_claims_to_be_an_oclc_number()
    {
        var record = new MarcRecord(fields:
        [
            new ControlField("001", "abc"),
            new ControlField("003", "OCoLC"),
            new DataField("019", ' ', ' ', [new('a', "x1")]),
            new DataField("035", ' ', ' ', [new('a', "(OCoLC)M-ESTCN")]),
        ]);

        var numbers = RecordOclcNumbers.From(record);

        Assert.Empty(numbers.All);
        Assert.Equal(3, numbers.Warnings.Count);
        Assert.Contains(numbers.Warnings, w => w.StartsWith("001 'abc'", StringComparison.Ordinal));
        Assert.Contains(numbers.Warnings, w => w.StartsWith("019 $a 'x1'", StringComparison.Ordinal));
        Assert.Contains(numbers.Warnings, w => w.StartsWith("035 $a '(OCoLC)M-ESTCN'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_both_current_and_cancelled_counts_as_current_only()
    {
        var record = new MarcRecord(fields:
        [
            new DataField("019", ' ', ' ', [new('a', "12345")]),
            new DataField("035", ' ', ' ', [new('a', "(OCoLC)ocm00012345")]),
        ]);

        var numbers = RecordOclcNumbers.From(record);

        Assert.Equal([new OclcNumber(12345)], numbers.Current);
        Assert.Empty(numbers.Cancelled);
    }

    [Fact]
    public void Reads_the_real_connexion_export()
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc"));
        var record = Marcgate.Marc.Iso2709.Iso2709Reader.ReadAll(bytes).Single().Record!;

        Assert.Equal(new OclcNumber(63111280), RecordOclcNumbers.From(record).Primary);
    }
}
