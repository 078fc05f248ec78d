using System.Xml;
using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Xml;

/// <summary>Reads MARCXML (LoC MARC21slim) one record at a time with an <see cref="XmlReader"/>, never loading the whole document.</summary>
/// <remarks>
/// Accepts a <c>collection</c>, a single <c>record</c>, or records inside any wrapper (an OAI-PMH
/// response, say). Records come out in Unicode with leader/09 <c>a</c>, since MARCXML is UTF-8 by
/// definition. Strict reading rejects a record holding an element the schema does not define;
/// lenient reading skips such an element and says so. Diagnostics carry line and position in
/// their message; their byte offset is -1 because an XML parser reads ahead.
/// </remarks>
public sealed partial class MarcXmlReader : IMarcRecordReader
{
    private readonly XmlReader _xml;
    private readonly IXmlLineInfo? _lines;
    private readonly MarcReaderOptions _options;
    private long _recordNumber;
    private bool _finished;
    private readonly string? _startProblem;
    private bool _positioned;

    /// <summary>Creates a reader over a stream.</summary>
    public MarcXmlReader(Stream stream, MarcReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _options = options ?? MarcReaderOptions.Default;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            // The check's stream closes the input unless leaveOpen says otherwise.
            CloseInput = true,

            // Lenient reading accepts character references to C0 controls (&#x1F;), which some MARC tools emit.
            CheckCharacters = _options.Mode == MarcReadMode.Strict,
        };
        stream = XmlDeclarationCheck.Examine(stream, leaveOpen, out var declarationProblem);
        _startProblem = declarationProblem is null ? null : $"line 1: the XML is not well-formed: {declarationProblem}";
        try
        {
            _xml = XmlReader.Create(stream, settings);
        }
        catch (XmlException ex)
        {
            // XmlReader reads the first bytes to find the encoding as it is created (a UTF-32 byte order mark before
            // bytes that are no UTF-32, say): the problem is told by the first Read, as any other.
            stream.Dispose();
            _startProblem = NotWellFormed(ex);
            _xml = XmlReader.Create(Stream.Null, settings);
        }

        _lines = _xml as IXmlLineInfo;
    }

    /// <summary>Reads every record of a byte array.</summary>
    public static IEnumerable<MarcReadResult> ReadAll(byte[] bytes, MarcReaderOptions? options = null)
    {
        using var reader = new MarcXmlReader(new MemoryStream(bytes, writable: false), options);
        while (reader.Read() is { } result)
        {
            yield return result;
        }
    }

    /// <inheritdoc />
    public MarcReadResult? Read()
    {
        if (_finished)
        {
            return null;
        }

        var diagnostics = new List<MarcDiagnostic>();
        if (_startProblem is { } problem)
        {
            _finished = true;
            diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.SyntaxError, MarcSeverity.Error, 1, -1, problem));
            return new MarcReadResult(null, diagnostics, 1, -1);
        }

        try
        {
            if (!MoveToRecord(diagnostics))
            {
                _finished = true;
                // What came after the last record (or instead of any) is told under the last record's number, at least 1,
                // as a break in the XML is below.
                return diagnostics.Count == 0 ? null : new MarcReadResult(null, diagnostics, Math.Max(_recordNumber, 1), -1);
            }

            _recordNumber++;
            var context = new RecordContext(this, diagnostics);
            var record = ReadRecord(context);
            if (_options.Mode == MarcReadMode.Strict && context.ErrorCount > 0)
            {
                record = null;
            }

            return new MarcReadResult(record, diagnostics, _recordNumber, -1);
        }
        catch (XmlException ex)
        {
            // Not well-formed: nothing after this point can be trusted (XML 1.0 §1.2, fatal error).
            _finished = true;
            diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.SyntaxError, MarcSeverity.Error, Math.Max(_recordNumber, 1), -1, NotWellFormed(ex)));
            return new MarcReadResult(null, diagnostics, Math.Max(_recordNumber, 1), -1);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _xml.Dispose();

    internal long RecordNumber => _recordNumber;

    private static string NotWellFormed(XmlException ex) =>
        $"line {ex.LineNumber}, position {ex.LinePosition}: the XML is not well-formed: {ex.Message}";

    internal MarcReadMode Mode => _options.Mode;

    private string Where() => _lines is { } info && info.HasLineInfo() ? $"line {info.LineNumber}, position {info.LinePosition}" : "unknown position";

    // Advances to the next <record> start tag; elements of other namespaces are wrappers and are passed over.
    private bool MoveToRecord(List<MarcDiagnostic> diagnostics)
    {
        while (Advance())
        {
            if (_xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var isMarc = _xml.NamespaceURI == MarcXml.Namespace;
            if (_xml.LocalName == MarcXml.Record && (isMarc || _xml.NamespaceURI.Length == 0))
            {
                return true;
            }

            if (isMarc && _xml.LocalName != MarcXml.Collection)
            {
                var severity = _options.Mode == MarcReadMode.Strict ? MarcSeverity.Error : MarcSeverity.Warning;
                diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.UnknownConstruct, severity, _recordNumber + 1, -1, $"{Where()}: element <{_xml.Name}> is not part of MARCXML outside a record; skipped"));
                _xml.Skip();
                _positioned = true;
            }
        }

        return false;
    }
}
