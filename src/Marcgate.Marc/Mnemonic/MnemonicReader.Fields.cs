using System.Text;

namespace Marcgate.Marc.Mnemonic;

/// <summary>Parsing of <c>=LDR</c> and <c>=TAG</c> lines.</summary>
public sealed partial class MnemonicReader
{
    // "=TAG  " : equals sign, three-character tag, two blanks (MarcEdit's layout).
    private const int DataStart = 6;

    private static Leader ParseLeader(Line line, LineContext context)
    {
        var text = MnemonicText.Decode(Content(line, context), marc8: true, blankMarker: true, unknown: null);
        if (text.Length != Leader.Length)
        {
            context.Warn(MarcDiagnosticIds.LeaderTooShort, DataStart, $"the leader has {text.Length} characters, not 24; {(text.Length < 24 ? "padded with blanks" : "cut to 24")}");
            text = text.Length < Leader.Length ? text.PadRight(Leader.Length) : text[..Leader.Length];
        }

        return new Leader(text);
    }

    private static ReadOnlySpan<char> Content(Line line, LineContext context)
    {
        var text = line.Text.AsSpan();
        if (text.Length >= DataStart && text[4] == ' ' && text[5] == ' ')
        {
            return text[DataStart..];
        }

        // Tolerate one blank or none after the tag, as hand-edited files have.
        var rest = text.Length > 4 ? text[4..] : [];
        context.Warn(MarcDiagnosticIds.SyntaxError, 4, "the tag is not followed by two blanks");
        return rest.TrimStart(' ');
    }

    private static void ParseField(Line line, bool marc8, MarcRecord record, LineContext context)
    {
        if (line.Text.Length < 4 || line.Text[0] != '=')
        {
            context.Error(MarcDiagnosticIds.SyntaxError, 0, $"the line does not have the form \"=TAG  data\"; ignored: {Excerpt(line.Text)}");
            return;
        }

        var tag = line.Text.Substring(1, 3);
        var latin1 = Content(line, context);
        var contentStart = line.Text.Length - latin1.Length;
        var content = marc8 ? new string(latin1) : DecodeLine(line.Bytes.AsSpan(contentStart), marc8: false);
        void Unknown(int index, string name)
        {
            if (marc8)
            {
                context.Warn(MarcDiagnosticIds.UnknownConstruct, contentStart, $"field {tag}: unknown mnemonic {{{name}}} kept as written");
            }
        }

        if (MarcField.IsControlTag(tag))
        {
            record.Fields.Add(new ControlField(tag, MnemonicText.Decode(content, marc8, blankMarker: true, Unknown)));
            return;
        }

        if (content.Length < 2)
        {
            context.Warn(MarcDiagnosticIds.IndicatorsMissing, contentStart, $"field {tag} is too short to hold two indicators; blanks assumed");
            record.Fields.Add(new DataField(tag, ' ', ' '));
            return;
        }

        var field = new DataField(tag, Indicator(content[0], tag, contentStart, context), Indicator(content[1], tag, contentStart, context));
        var rest = content.AsSpan(2);
        var firstDelimiter = NextDelimiter(rest);
        if (firstDelimiter != 0 && rest.Length > 0)
        {
            context.Warn(MarcDiagnosticIds.DataBeforeFirstSubfield, contentStart + 2, $"field {tag} has data before its first $; it is dropped");
            rest = firstDelimiter < 0 ? [] : rest[firstDelimiter..];
        }

        while (rest.Length > 0)
        {
            rest = rest[1..];
            var next = NextDelimiter(rest);
            var chunk = next < 0 ? rest : rest[..next];
            if (chunk.Length == 0)
            {
                context.Warn(MarcDiagnosticIds.SyntaxError, contentStart, $"field {tag} has a $ with no subfield code; ignored");
            }
            else if (char.IsSurrogate(chunk[0]))
            {
                // A subfield code is one character; half of a character outside the BMP is no text any later step can encode.
                context.Warn(MarcDiagnosticIds.SyntaxError, contentStart, $"field {tag} has {Shown(chunk)} as a subfield code, a character outside the Basic Multilingual Plane; the subfield is ignored");
            }
            else
            {
                field.Subfields.Add(new Subfield(chunk[0], MnemonicText.Decode(chunk[1..], marc8, blankMarker: false, Unknown)));
            }

            rest = next < 0 ? [] : rest[next..];
        }

        record.Fields.Add(field);
    }

    // The next $ that starts a subfield: the $ of a {$xx} hex form is not one.
    private static int NextDelimiter(ReadOnlySpan<char> text)
    {
        var from = 0;
        while (true)
        {
            var at = text[from..].IndexOf('$');
            if (at < 0)
            {
                return -1;
            }

            at += from;
            if (at > 0 && text[at - 1] == '{' && at + 3 < text.Length && text[at + 3] == '}'
                && char.IsAsciiHexDigit(text[at + 1]) && char.IsAsciiHexDigit(text[at + 2]))
            {
                from = at + 1;
                continue;
            }

            return at;
        }
    }

    private static char Indicator(char c, string tag, int column, LineContext context)
    {
        if (char.IsSurrogate(c))
        {
            // An indicator is one character: half of a character outside the BMP would be a lone surrogate.
            context.Warn(MarcDiagnosticIds.SyntaxError, column, $"field {tag} has half of a character outside the Basic Multilingual Plane as an indicator; a blank is assumed");
            return ' ';
        }

        return c == '\\' ? ' ' : c;
    }

    // The code point at the start of text, as U+XXXXX.
    private static string Shown(ReadOnlySpan<char> text) =>
        Rune.DecodeFromUtf16(text, out var rune, out _) == System.Buffers.OperationStatus.Done ? $"U+{rune.Value:X4}" : $"U+{(int)text[0]:X4}";

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
