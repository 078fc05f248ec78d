using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules.Full;

/// <summary>
/// Full level: 245 second indicator (nonfiling characters) against the title's leading article, in the
/// language of 008/35-37 when it has articles in the list (MARC 21 Bibliographic Appendix E), else any language.
/// </summary>
internal static class ArticleRules
{
    private static readonly Dictionary<string, string[]> s_articles = Articles();

    private static readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> s_articlesBySpan =
        s_articles.GetAlternateLookup<ReadOnlySpan<char>>();

    // No article is longer than this, so a longer first word is no article.
    private static readonly int s_longestArticle = Longest(s_articles.Keys);

    private static readonly HashSet<string> s_languagesWithArticles = LanguagesWithArticles(s_articles.Values);

    // First characters of the titles that merely look like they start with an article ("A priori", "Los Angeles");
    // null when one starts with a character that ignoring case might match in more ways than ASCII does.
    private static readonly string? s_exceptionStarts = ExceptionStarts();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_languagesWithArticlesBySpan =
        s_languagesWithArticles.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Check(ValidationContext context)
    {
        if (context.Kind != MarcRecordKind.Bibliographic || context.FirstDataField(245) is not { } title
            || !char.IsAsciiDigit(title.Indicator2) || title.Indexed.IndexOf('a') is not (>= 0 and var at))
        {
            return;
        }

        // Titles are read where they lie (every record has one); a title longer than the buffer becomes a string.
        Span<char> buffer = stackalloc char[256];
        var text = title.Indexed.Value(at, buffer);
        if (text.IsEmpty)
        {
            return;
        }

        var language = context.ControlValue(8) is { Length: >= 38 } fixedData ? fixedData.AsSpan(35, 3) : default;
        var indicator = title.Indicator2 - '0';

        // The record's language only keeps a word that is an article elsewhere (French "a") from being
        // demanded; a title in another language (an English title on a Spanish record) may still skip its article.
        var article = Article(text, out var languages);
        var inAnyLanguage = article > 0 && IsIn(languages!, default) ? article : 0;
        var inRecordLanguage = article > 0 && IsIn(languages!, language) ? article : 0;
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
        var count = Article(title, out var languages);
        return count > 0 && IsIn(languages!, language) ? count : 0;
    }

    // The nonfiling count of a leading article in any language (0 when there is none), and the languages it is an article in.
    private static int Article(ReadOnlySpan<char> title, out string[]? languages)
    {
        languages = null;
        if (s_exceptionStarts is null || (title.Length > 0 && (title[0] >= 128 || s_exceptionStarts.Contains(title[0], StringComparison.Ordinal))))
        {
            foreach (var exception in CodeLists.ArticleExceptions)
            {
                if (title.StartsWith(exception, StringComparison.OrdinalIgnoreCase))
                {
                    return 0;
                }
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

        if (end == at || end >= title.Length || end - at > s_longestArticle)
        {
            return 0;
        }

        var separator = title[end];
        if (separator is not ('\'' or '\u2019' or '-' or ' '))
        {
            return 0;
        }

        Span<char> key = stackalloc char[end - at + 1];
        var length = title[at..end].ToLowerInvariant(key);
        if (separator != ' ')
        {
            key[length++] = separator == '-' ? '-' : '\'';
        }

        if (!s_articlesBySpan.TryGetValue(key[..length], out languages))
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

    private static Dictionary<string, string[]> Articles()
    {
        var articles = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (article, languages) in CodeLists.Articles)
        {
            articles.Add(article, languages.Split(' '));
        }

        return articles;
    }

    private static int Longest(IEnumerable<string> articles)
    {
        var longest = 0;
        foreach (var article in articles)
        {
            longest = Math.Max(longest, article.Length);
        }

        return longest;
    }

    private static HashSet<string> LanguagesWithArticles(IEnumerable<string[]> languages)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in languages)
        {
            all.UnionWith(list);
        }

        return all;
    }

    private static string? ExceptionStarts()
    {
        var starts = new System.Text.StringBuilder();
        foreach (var exception in CodeLists.ArticleExceptions)
        {
            if (exception.Length == 0 || !char.IsAscii(exception[0]))
            {
                return null;
            }

            starts.Append(char.ToLowerInvariant(exception[0])).Append(char.ToUpperInvariant(exception[0]));
        }

        return starts.ToString();
    }

    private static bool IsIn(string[] languages, ReadOnlySpan<char> language)
    {
        if (!s_languagesWithArticlesBySpan.Contains(language))
        {
            return true;
        }

        foreach (var candidate in languages)
        {
            if (language.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    // A diacritic on the first filing letter is not counted (MARC 21 245 second indicator), so only marks.
    private static bool IsLeadingMark(char c) =>
        c is '"' or '\'' or '[' or '(' or '\u201c' or '\u2018' or '\u00ab' or '\u00bf' or '\u00a1';
}
