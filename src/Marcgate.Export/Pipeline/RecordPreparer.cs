using Marcgate.Export.Options;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Export.Pipeline;

/// <summary>The per-record steps before delivery (gateway §6): fields to delete, validation by record type, character set.</summary>
public sealed class RecordPreparer
{
    private readonly ExportOptions _options;
    private readonly IRecordValidator _validator;
    private readonly IRecordCharsetConverter _charset;

    /// <summary>Creates the preparer for one export run.</summary>
    public RecordPreparer(ExportOptions options, IRecordValidator validator, IRecordCharsetConverter charset)
    {
        _options = options;
        _validator = validator;
        _charset = charset;
    }

    /// <summary>True when leader/06 says authority (<c>z</c>); everything else is validated at the bibliographic level.</summary>
    public static bool IsAuthority(MarcRecord record) => record.Leader.TypeOfRecord == 'z';

    /// <summary>The validation level for this record's type.</summary>
    public ValidationLevel LevelFor(MarcRecord record) => IsAuthority(record) ? _options.ValidateAuthority : _options.ValidateBibliographic;

    /// <summary>Prepares one record; null with the reasons when it must not be sent.</summary>
    public PreparedRecord? Prepare(MarcRecord original, List<string> problems) => Prepare(original, problems, out _);

    /// <summary>Prepares one record; null with the reasons, and the step that refused it in a few words, when it must not be sent.</summary>
    public PreparedRecord? Prepare(MarcRecord original, List<string> problems, out string? refusedBy)
    {
        ArgumentNullException.ThrowIfNull(original);
        refusedBy = null;
        var record = original.Clone();
        if (_options.FieldsToDelete.Count > 0)
        {
            record.Fields.RemoveAll(f => _options.FieldsToDelete.Matches(f.Tag));
        }

        // Validation sees the record as it will be sent, after the deletions (Connexion validates on export).
        var level = LevelFor(record);
        if (level != ValidationLevel.None)
        {
            var kind = IsAuthority(record) ? "authority" : "bibliographic";
            var errors = _validator.Validate(record, level).Where(d => d.Severity == ValidationSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                problems.Add($"fails {level.ToString().ToLowerInvariant()} validation ({kind} record):");
                problems.AddRange(errors.Select(e => "  " + Describe(e)));
                refusedBy = "fails validation";
                return null;
            }
        }

        var converted = _charset.Convert(record, _options.CharacterSet, problems);
        if (converted is null)
        {
            refusedBy = "cannot be converted";
            return null;
        }

        try
        {
            return new PreparedRecord(converted, Iso2709Writer.Write(converted));
        }
        catch (MarcFormatException e)
        {
            problems.Add("cannot be written as ISO 2709: " + e.Message);
            refusedBy = "cannot be written as ISO 2709";
            return null;
        }
    }

    private static string Describe(ValidationDiagnostic diagnostic) =>
        diagnostic.Tag is null ? $"{diagnostic.Id}: {diagnostic.Message}" : $"{diagnostic.Tag}: {diagnostic.Id}: {diagnostic.Message}";
}
