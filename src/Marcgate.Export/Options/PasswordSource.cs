namespace Marcgate.Export.Options;

/// <summary>Where a <see cref="PasswordReference"/> reads the password.</summary>
public enum PasswordSource
{
    /// <summary>An environment variable.</summary>
    Environment,

    /// <summary>A file holding the password on its first line.</summary>
    File,
}
