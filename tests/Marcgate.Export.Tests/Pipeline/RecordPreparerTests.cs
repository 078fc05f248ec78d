using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Export.Tests.Doubles;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Export.Tests.Pipeline;

public sealed class RecordPreparerTests
{
    [Fact]
    public void Fields_to_delete_remove_every_matching_tag_before_sending()
    {
        var options = ExportOptions.Default with { FieldsToDelete = TagPatternList.Parse("029,938,9XX"), ValidateBibliographic = ValidationLevel.None };
        var prepared = new RecordPreparer(options, new RuleValidator(), new SameCharsetConverter()).Prepare(TestRecords.Bibliographic(1), [])!;

        Assert.DoesNotContain(prepared.Record.Fields, f => f.Tag is "029" or "938" or "949");
        Assert.Contains(prepared.Record.Fields, f => f.Tag == "245");
        var sent = Iso2709Reader.ReadAll(prepared.Iso2709).Single().Record!;
        Assert.Equal(prepared.Record.Fields.Select(f => f.Tag), sent.Fields.Select(f => f.Tag));
    }

    [Fact]
    public void The_original_record_is_left_as_it_was()
    {
        var record = TestRecords.Bibliographic(1);
        var options = ExportOptions.Default with { FieldsToDelete = TagPatternList.Parse("9XX"), ValidateBibliographic = ValidationLevel.None };
        new RecordPreparer(options, new RuleValidator(), new SameCharsetConverter()).Prepare(record, []);
        Assert.Contains(record.Fields, f => f.Tag == "949");
    }

    [Fact]
    public void Validation_level_follows_the_record_type_in_leader_06()
    {
        var validator = new RuleValidator();
        var options = ExportOptions.Default with { ValidateBibliographic = ValidationLevel.Full, ValidateAuthority = ValidationLevel.Basic };
        var preparer = new RecordPreparer(options, validator, new SameCharsetConverter());
        preparer.Prepare(TestRecords.Bibliographic(1), []);
        preparer.Prepare(TestRecords.Authority(1), []);

        Assert.Equal([('a', ValidationLevel.Full), ('z', ValidationLevel.Basic)], validator.Calls);
    }

    [Fact]
    public void Level_none_skips_validation()
    {
        var validator = new RuleValidator();
        var options = ExportOptions.Default with { ValidateAuthority = ValidationLevel.None };
        Assert.NotNull(new RecordPreparer(options, validator, new SameCharsetConverter()).Prepare(TestRecords.Authority(1), []));
        Assert.Empty(validator.Calls);
    }

    [Fact]
    public void A_record_failing_validation_is_not_prepared_and_the_findings_are_given()
    {
        var record = TestRecords.Bibliographic(1);
        record.Fields.RemoveAll(f => f.Tag == "245");
        var problems = new List<string>();
        var prepared = new RecordPreparer(ExportOptions.Default, new RuleValidator(), new SameCharsetConverter()).Prepare(record, problems);

        Assert.Null(prepared);
        Assert.Equal(["fails full validation (bibliographic record):", "  245: T001: 245 is required"], problems);
    }

    [Fact]
    public void Deleted_fields_are_gone_before_validation_sees_the_record()
    {
        // A record whose only 245 matches a deletion pattern fails: validation sees what would be sent.
        var options = ExportOptions.Default with { FieldsToDelete = TagPatternList.Parse("2XX") };
        var problems = new List<string>();
        Assert.Null(new RecordPreparer(options, new RuleValidator(), new SameCharsetConverter()).Prepare(TestRecords.Bibliographic(1), problems));
        Assert.Contains("245 is required", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Charset_conversion_to_marc8_and_back_with_the_code_tables()
    {
        // Decomposed input: under invariant globalization the encoder cannot decompose precomposed letters.
        var record = TestRecords.Bibliographic(1, "Cafe\u0301 a\u0300 la carte");
        var marc8 = new RecordPreparer(ExportOptions.Default with { CharacterSet = ExportCharacterSet.Marc8, ValidateBibliographic = ValidationLevel.None }, new RuleValidator(), MarcRecordCharsetConverter.Instance).Prepare(record, [])!;
        Assert.Equal(' ', marc8.Record.Leader.CharacterCodingScheme);
        Assert.Equal(' ', (char)marc8.Iso2709[9]);

        var back = new RecordPreparer(ExportOptions.Default with { ValidateBibliographic = ValidationLevel.None }, new RuleValidator(), MarcRecordCharsetConverter.Instance).Prepare(marc8.Record, [])!;
        Assert.Equal('a', back.Record.Leader.CharacterCodingScheme);
        Assert.Contains("\u00e2", marc8.Record.GetDataFields("245").Single()['a'], StringComparison.Ordinal);
        Assert.Contains(back.Record.GetDataFields("245").Single()['a'], new[] { "Cafe\u0301 a\u0300 la carte 1.", "Caf\u00e9 \u00e0 la carte 1." });
    }
}
