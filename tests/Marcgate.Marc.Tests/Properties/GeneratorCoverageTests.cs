using FsCheck.Fluent;

namespace Marcgate.Marc.Tests.Properties;

/// <summary>The generators reach what the properties are meant to cover; a property over empty records proves nothing.</summary>
public sealed class GeneratorCoverageTests
{
    [Fact]
    public void Generated_records_have_subfields_multibyte_text_and_both_encodings()
    {
        var records = MarcRecordGenerators.Records().Generator.Sample(30, 200);
        var subfields = records.SelectMany(r => r.Fields.OfType<DataField>()).SelectMany(f => f.Subfields).ToList();

        Assert.Contains(records, r => r.Leader.IsUnicode);
        Assert.Contains(records, r => !r.Leader.IsUnicode);
        Assert.Contains(records, r => r.Fields.OfType<DataField>().Any(f => f.Subfields.Count >= 3));
        Assert.Contains(subfields, s => s.Value.Any(c => c > 0x7FF));
        Assert.Contains(subfields, s => s.Code > 0x7F);
        Assert.Contains(records, r => r.Fields.OfType<ControlField>().Any(f => f.Value.Contains('\u001F', StringComparison.Ordinal)));
    }
}
