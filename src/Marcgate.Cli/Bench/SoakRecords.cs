using System.Globalization;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli.Bench;

/// <summary>
/// The requests of a soak run, built on the sample record of <see cref="LoadRequests"/>: revision 0 of an OCLC number is the
/// sample with that number, each later revision adds to the title, and a broken record is a revision 0 with its directory spoiled.
/// </summary>
internal sealed class SoakRecords
{
    private readonly MarcRecord _sample;
    private readonly string _title;
    private readonly byte[] _prefix;
    private readonly byte[] _badLogonPrefix;

    public SoakRecords(string logonId, string password, string badLogonId, string badPassword)
    {
        _sample = Iso2709Reader.ReadAll(Convert.FromHexString(LoadRequests.SampleHex)).Single().Record!;
        _title = _sample.GetDataFields("245").Single()['a']!;
        _prefix = [.. LoadRequests.Field('A', logonId), .. LoadRequests.Field('P', password)];
        _badLogonPrefix = [.. LoadRequests.Field('A', badLogonId), .. LoadRequests.Field('P', badPassword)];
    }

    /// <summary>The request carrying <paramref name="revision"/> of the record with OCLC number <paramref name="oclc"/>.</summary>
    public byte[] Record(long oclc, int revision) => Request(_prefix, RecordBytes(oclc, revision));

    /// <summary>A request whose record is not ISO 2709: the first directory entry's length is not a number (§3.3).</summary>
    public byte[] BrokenRecord(long oclc)
    {
        var record = RecordBytes(oclc, 0);

        // ISO 2709: the directory starts after the 24-byte leader; each entry is a 3-byte tag, then a 4-digit length.
        "x!x!"u8.CopyTo(record.AsSpan(24 + 3));
        return Request(_prefix, record);
    }

    /// <summary>A request with the wrong password for the bad logon ID, carrying an ordinary record.</summary>
    public byte[] BadLogon(long oclc) => Request(_badLogonPrefix, RecordBytes(oclc, 0));

    private byte[] RecordBytes(long oclc, int revision)
    {
        var number = (oclc % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var record = _sample.Clone();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            record.Fields[i] = record.Fields[i] switch
            {
                ControlField { Tag: "001" } => new ControlField("001", "ocm" + number),
                DataField { Tag: "035" } f => new DataField("035", f.Indicator1, f.Indicator2, [new Subfield('a', "(OCoLC)" + number)]),
                DataField { Tag: "245" } f when revision > 0 => new DataField("245", f.Indicator1, f.Indicator2,
                    [new Subfield('a', string.Create(CultureInfo.InvariantCulture, $"{_title}, revision {revision}"))]),
                var f => f,
            };
        }

        return Iso2709Writer.Write(record);
    }

    // Gateway §5: the EOT after the record is a NUL.
    private static byte[] Request(byte[] prefix, byte[] record) => [.. prefix, .. record, 0x00];
}
