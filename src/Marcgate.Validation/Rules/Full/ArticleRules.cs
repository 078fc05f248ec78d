using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules.Full;

/// <summary>
/// Full level: 245 second indicator (nonfiling characters) against the title's leading article, in the
/// language of 008/35-37 when it has articles in the list (MARC 21 Bibliographic Appendix E), else any language.
/// </summary>
internal static class ArticleRules
{
    private static readonly Dictionary<string, string[]> s_articles = CodeLists.Articles
        .ToDictionary(a => a.Article, a => a.Languages.Split(' '), StringComparer.Ordinal);

    private static readonly HashSet<string> s_languagesWithArticles = CodeLists.Articles
        .SelectMany(a => a.Languages.Split(' ')).ToHashSet(StringComparer.Ordinal);

    public static void Check(ValidationContext context)
    {
        if (context.Kind != MarcRecordKind.Bibliographic || context.Record.GetDataFields("245").FirstOrDefault() is not { } title
            || title['a'] is not { Length: > 0 } text || !char.IsAsciiDigit(title.Indicator2))
        {
            return;
        }

        var language = context.Record.GetControlValue("008") is { Length: >= 38 } fixedData ? fixedData.Substring(35, 3) : "";
        var indicator = title.Indicator2 - '0';

        // The record's language only keeps a word that is an article elsewhere (French "a") from being
        // demanded; a title in another language (an English title on a Spanish record) may still skip its article.
        var inAnyLanguage = Nonfiling(text, "");
        var inRecordLanguage = Nonfiling(text, language);
        var expected = indicator == 0 ? inRecordLanguage : inAnyLanguage;
        if (expected == indicator)
        {
            return;
        }

        var message = expected == 0
            ? $"245 second indicator is {indicator} but the title does not start with a {indicator}-character article"
            : $"245 second indicator is {indicator} but the title starts with the article '{Text.Show(text[..expected])}' ({expected} characters to skip)";
        context.Warning(ValidationDiagnosticIds.NonfilingDisagrees, "245", 1, message, indicator: 2);
    }

    /// <summary>How many characters filing should skip: leading marks, the article and what separates it from the next word.</summary>
    public static int Nonfiling(string title, string language)
    {
        foreach (var exception in CodeLists.ArticleExceptions)
        {
            if (title.StartsWith(exception, StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }
        }

        // Leading quotation marks, brackets and parentheses count as nonfiling (MARC 21 245 second indicator).
        var at = 0;
        while (at < title.Length && IsLeadingMark(title[at]))
        {
            at++;
        }

        var end = at;
        while (end < title.Length && char.IsLetter(title[end]))
        {
            end++;
        }

        if (end == at || end >= title.Length)
        {
            return 0;
        }

        var word = title[at..end].ToLowerInvariant();
        var separator = title[end];
        string key;
        if (separator is '\'' or '\u2019' or '-')
        {
            key = word + (separator == '-' ? "-" : "'");
        }
        else if (separator == ' ')
        {
            key = word;
        }
        else
        {
            return 0;
        }

        if (!s_articles.TryGetValue(key, out var languages))
        {
            return 0;
        }

        var inLanguage = !s_languagesWithArticles.Contains(language) || Array.IndexOf(languages, language) >= 0;
        if (!inLanguage)
        {
            return 0;
        }

        var count = end + 1;
        while (count < title.Length && IsLeadingMark(title[count]))
        {
            count++;
        }

        return count;
    }

    // A diacritic on the first filing letter is not counted (MARC 21 245 second indicator), so only marks.
    private static bool IsLeadingMark(char c) =>
        c is '"' or '\'' or '[' or '(' or '\u201c' or '\u2018' or '\u00ab' or '\u00bf' or '\u00a1';
}
