using Marcgate.Validation.Rules.Full;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules;

/// <summary>The Full level: relationships between elements, on top of Basic.</summary>
internal static class FullRules
{
    public static void Check(ValidationContext context, FormatDefinition format)
    {
        MainEntryRules.Check(context);
        LinkageRules.Check(context, format);
        DateRules.Check(context);
        LanguageRules.Check(context);
        EncodingLevelRules.Check(context);
        StandardNumberRules.Check(context);
        ControlNumberRules.Check(context);
        FixedLengthRules.Check(context, format);
        ArticleRules.Check(context);
        CharacterSetRules.Check(context);
    }
}
