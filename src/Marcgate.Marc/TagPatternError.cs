namespace Marcgate.Marc;

/// <summary>Why a token of a tag pattern list was refused.</summary>
/// <param name="Token">The token as written.</param>
/// <param name="Reason">What a pattern looks like, or what is wrong with this one, without repeating the token.</param>
public sealed record TagPatternError(string Token, string Reason)
{
    /// <summary>The refusal naming the token: <c>'9X' is not a tag pattern: use three characters, …</c>.</summary>
    public string Message => $"'{Token}' is not a tag pattern: {Reason}";

    /// <inheritdoc />
    public override string ToString() => Message;
}
