using Marcgate.Marc;

namespace Marcgate.Validation.Tests;

/// <summary>
/// A bulk run validates record after record into one list: each record's findings are added after what the list held,
/// and are the findings the call that returns them gives; what the list held before belongs to other records.
/// </summary>
public sealed class ValidateIntoListTests
{
    [Fact]
    public void Findings_are_added_after_what_the_list_held_and_match_the_returned_ones()
    {
        var wrong = Records.Book("245 4  $aThe summer.", "999 1  $aLocal.");
        wrong.Leader = new Leader("00714nqm a2300205 a 4400");
        var records = new[] { Records.Book(), wrong, Records.Book("650 #0 $aJazz."), wrong };

        var list = new List<ValidationDiagnostic>();
        var expected = new List<ValidationDiagnostic>();
        foreach (var record in records)
        {
            MarcValidator.Instance.Validate(record, ValidationLevel.Full, MarcRecordKind.Bibliographic, list);
            expected.AddRange(MarcValidator.Instance.Validate(record, ValidationLevel.Full, MarcRecordKind.Bibliographic));
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, list);
    }

    [Fact]
    public void A_finding_of_an_earlier_record_in_the_list_does_not_silence_this_record()
    {
        // leader/06 'q' is reported once by Structure, which keeps the fixed-field rules from saying it again; a list that
        // already holds that finding for another record must not keep this record's fixed-field finding either.
        var bad = Records.Book();
        bad.Leader = new Leader("00714nqm a2200205 a 4500");
        var alone = MarcValidator.Instance.Validate(bad, ValidationLevel.Full, MarcRecordKind.Bibliographic);

        var list = new List<ValidationDiagnostic>();
        MarcValidator.Instance.Validate(bad, ValidationLevel.Full, MarcRecordKind.Bibliographic, list);
        var before = list.Count;
        var good = Records.Book();
        good.Leader = new Leader("00714nzm a2200205 a 4500");
        MarcValidator.Instance.Validate(good, ValidationLevel.Full, MarcRecordKind.Bibliographic, list);

        Assert.Equal(alone, list.Take(before));
        Assert.Equal(MarcValidator.Instance.Validate(good, ValidationLevel.Full, MarcRecordKind.Bibliographic), list.Skip(before));
    }
}
