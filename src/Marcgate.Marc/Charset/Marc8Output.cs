using System.Text;

namespace Marcgate.Marc.Charset;

/// <summary>
/// Decoder output: Unicode text plus the combining marks waiting for their base character (MARC-8
/// puts marks before the base, Unicode after it: MARC 21 character sets, part 3, "Diacritics").
/// </summary>
internal ref struct Marc8Output
{
    private readonly Span<char> _text;
    private readonly Span<char> _marks;
    private int _length;
    private int _markCount;

    public Marc8Output(Span<char> text, Span<char> marks)
    {
        _text = text;
        _marks = marks;
    }

    /// <summary>True once a combining mark or a character at or above U+0300 was written: NFC may change the text.</summary>
    public bool MayNeedNormalization { get; private set; }

    /// <summary>True while combining marks wait for a base character.</summary>
    public readonly bool HasPendingMarks => _markCount > 0;

    /// <summary>The text written so far.</summary>
    public readonly ReadOnlySpan<char> Written => _text[.._length];

    /// <summary>Copies a run of ASCII straight through (no marks may be pending).</summary>
    public void WriteAscii(ReadOnlySpan<char> run)
    {
        run.CopyTo(_text[_length..]);
        _length += run.Length;
    }

    /// <summary>Writes a base (spacing) character, then the marks that preceded it.</summary>
    public void WriteBase(int codePoint)
    {
        if (_markCount == 1 && codePoint < 0x80)
        {
            // The common Latin case, one mark on an ASCII letter: compose here and spare the NFC pass.
            var composed = LatinComposition.Compose((char)codePoint, _marks[0]);
            if (composed != LatinComposition.NeedsNormalization)
            {
                if (composed == LatinComposition.Unchanged)
                {
                    _text[_length++] = (char)codePoint;
                    _text[_length++] = _marks[0];
                }
                else
                {
                    _text[_length++] = composed;
                }

                _markCount = 0;
                return;
            }
        }

        if (codePoint >= 0x300 || _markCount > 0)
        {
            MayNeedNormalization = true;
        }

        if (codePoint > 0xFFFF)
        {
            _length += new Rune(codePoint).EncodeToUtf16(_text[_length..]);
        }
        else
        {
            _text[_length++] = (char)codePoint;
        }

        FlushMarks();
    }

    /// <summary>Holds a combining mark until its base arrives; false when too many are stacked (they are written out).</summary>
    public bool AddMark(char mark)
    {
        if (_markCount == _marks.Length)
        {
            FlushMarks();
            _marks[_markCount++] = mark;
            return false;
        }

        _marks[_markCount++] = mark;
        return true;
    }

    /// <summary>Writes pending marks with no base (end of value): they stay in the text rather than vanish.</summary>
    public void FlushMarks()
    {
        if (_markCount > 0)
        {
            MayNeedNormalization = true;
            _marks[.._markCount].CopyTo(_text[_length..]);
            _length += _markCount;
            _markCount = 0;
        }
    }
}
