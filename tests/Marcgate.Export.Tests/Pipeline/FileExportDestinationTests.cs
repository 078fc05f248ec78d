using Marcgate.Export.Files;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Export.Tests.Doubles;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Xml;

namespace Marcgate.Export.Tests.Pipeline;

public sealed class FileExportDestinationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("marcgate-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Single_appends_every_record_to_one_file()
    {
        var path = Path.Combine(_directory, "export.mrc");
        await ExportAsync(path, ExportFileType.Single, new Iso2709FileFormat(), 1, 2);
        await ExportAsync(path, ExportFileType.Single, new Iso2709FileFormat(), 3);

        var titles = Iso2709Reader.ReadAll(File.ReadAllBytes(path)).Select(r => r.Record!.GetDataFields("245").Single()['a']).ToList();
        Assert.Equal(["How to program a computer 1.", "How to program a computer 2.", "How to program a computer 3."], titles);
    }

    [Fact]
    public async Task Individual_writes_a_numbered_file_per_record_and_never_overwrites()
    {
        var path = Path.Combine(_directory, "export.mrc");
        await ExportAsync(path, ExportFileType.Individual, new Iso2709FileFormat(), 1, 2);
        await ExportAsync(path, ExportFileType.Individual, new Iso2709FileFormat(), 3);

        Assert.Equal(["export-00001.mrc", "export-00002.mrc", "export-00003.mrc"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
        Assert.Single(Iso2709Reader.ReadAll(File.ReadAllBytes(Path.Combine(_directory, "export-00003.mrc"))));
    }

    [Fact]
    public async Task Marcxml_single_is_one_collection()
    {
        var path = Path.Combine(_directory, "export.xml");
        await ExportAsync(path, ExportFileType.Single, new MarcXmlFileFormat(), 1, 2);

        using var reader = new MarcXmlReader(File.OpenRead(path));
        var count = 0;
        while (reader.Read() is { Record: not null })
        {
            count++;
        }

        Assert.Equal(2, count);
    }

    [Fact]
    public async Task An_unwritable_file_fails_the_record_with_the_reason()
    {
        var blocker = Path.Combine(_directory, "blocker");
        File.WriteAllText(blocker, "a file where a directory is needed");
        var results = await ExportAsync(Path.Combine(blocker, "export.mrc"), ExportFileType.Single, new Iso2709FileFormat(), 1);

        Assert.Equal(ExportStatus.Failed, results.Single().Status);
        Assert.StartsWith("cannot write the export file:", results.Single().Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<ExportRecordResult>> ExportAsync(string path, ExportFileType type, IRecordFileFormat format, params int[] numbers)
    {
        var options = ExportOptions.Default with { ExportDestination = ExportDestinationKind.File, FileName = path, FileType = type, ValidateBibliographic = Validation.ValidationLevel.None };
        await using var destination = new FileExportDestination(path, type, format);
        var runner = new ExportRunner(new RecordPreparer(options, new RuleValidator(), new SameCharsetConverter()), destination);
        return await runner.ExportAllAsync(numbers.Select(n => new ExportItem(n, "test", TestRecords.Bibliographic(n), [])), null, CancellationToken.None);
    }
}
