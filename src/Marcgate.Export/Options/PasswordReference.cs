namespace Marcgate.Export.Options;

/// <summary>Where the logon password comes from; the password itself is never stored or printed.</summary>
/// <param name="Kind">An environment variable or a secret file.</param>
/// <param name="Name">The variable's name or the file's path.</param>
public sealed record PasswordReference(PasswordSource Kind, string Name)
{
    /// <summary>Reads the password.</summary>
    /// <param name="error">Why it could not be read, naming the variable or file (never the value).</param>
    /// <returns>The password, or null with an error.</returns>
    public string? TryResolve(out string? error)
    {
        error = null;
        if (Kind == PasswordSource.Environment)
        {
            var value = Environment.GetEnvironmentVariable(Name);
            if (value is null)
            {
                error = $"password: the environment variable {Name} is not set";
            }

            return value;
        }

        try
        {
            // A secret file holds the password on its first line (a trailing newline is not part of it).
            var text = File.ReadAllText(Name);
            var end = text.IndexOfAny(['\r', '\n']);
            return end < 0 ? text : text[..end];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"password: cannot read the secret file {Name}: {e.Message}";
            return null;
        }
    }

    /// <summary>How the password is shown: its source, never its value.</summary>
    public override string ToString() => Kind == PasswordSource.Environment ? $"(from env {Name})" : $"(from file {Name})";
}
