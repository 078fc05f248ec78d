using System.Text;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Tests.Charset;

/// <summary>Field values of a file as (record, tag, subfield code, NFC text), from us and from each peer.</summary>
internal static class PeerValues
{
    // MARC::Record reads the file and MARC::Charset converts every value, one per output line.
    private const string PerlScript = """
        use strict; use warnings; no warnings 'utf8';
        use MARC::Batch; use MARC::Charset qw(marc8_to_utf8);
        binmode STDOUT, ':encoding(UTF-8)';
        for my $file (@ARGV) {
            my $batch = MARC::Batch->new('USMARC', $file);
            $batch->strict_off; $batch->warnings_off;
            my $n = 0;
            while (my $record = $batch->next) {
                $n++;
                for my $field ($record->fields) {
                    if ($field->is_control_field) { out($file, $n, $field->tag, '', $field->data); next; }
                    out($file, $n, $field->tag, $_->[0], $_->[1]) for $field->subfields;
                }
            }
        }
        sub out {
            my ($file, $n, $tag, $code, $value) = @_;
            # ASCII without ESC is the same in MARC-8 and UTF-8; converting only the rest keeps this fast.
            my $text = $value =~ /[\x1b\x80-\xff]/ ? marc8_to_utf8($value) : $value;
            $text = '' unless defined $text;
            $text =~ s/\\/\\\\/g; $text =~ s/\n/\\n/g; $text =~ s/\t/\\t/g;
            print "$file\t$n\t$tag\t$code\t$text\n";
        }
        """;

    public static List<string> Ours(string file)
    {
        var values = new List<string>();
        var number = 0;
        foreach (var result in Iso2709Reader.ReadAll(File.ReadAllBytes(file)))
        {
            number++;
            Add(values, number, MarcCharsetConverter.ToUnicode(result.Record!));
        }

        return values;
    }

    public static List<string> Yaz(string file)
    {
        var converted = PeerTool.Run("yaz-marcdump", "-f", "MARC-8", "-t", "UTF-8", "-o", "marc", "-l", "9=97", file);
        var values = new List<string>();
        var number = 0;
        foreach (var result in Iso2709Reader.ReadAll(converted))
        {
            number++;
            Add(values, number, result.Record!);
        }

        return values;
    }

    /// <summary>MARC::Charset's values for several files from one perl process (its tables take a second to load).</summary>
    public static Dictionary<string, List<string>> MarcCharset(IEnumerable<string> files)
    {
        var paths = files.ToArray();
        var text = Encoding.UTF8.GetString(PeerTool.Run("perl", ["-e", PerlScript, .. paths]));
        var values = paths.ToDictionary(p => p, _ => new List<string>());
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', 5);
            values[parts[0]].Add(Key(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2], parts[3], Unescape(parts[4])));
        }

        return values;
    }

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                result.Append(text[i] switch { 't' => '\t', 'n' => '\n', _ => text[i] });
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    private static void Add(List<string> values, int number, MarcRecord record)
    {
        foreach (var field in record.Fields)
        {
            if (field is ControlField control)
            {
                values.Add(Key(number, field.Tag, string.Empty, control.Value));
            }
            else
            {
                foreach (var subfield in ((DataField)field).Subfields)
                {
                    values.Add(Key(number, field.Tag, subfield.Code.ToString(), subfield.Value));
                }
            }
        }
    }

    private static string Key(int number, string tag, string code, string value) =>
        $"{number} {tag} ${code} {value.Normalize(NormalizationForm.FormC)}";
}
