namespace Marcgate.Export.SaveFile;

/// <summary>The save file cannot be opened, is not a save file, or a change to it failed; the message names the file.</summary>
public sealed class SaveFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SaveFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SaveFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the storage's own error.</summary>
    public SaveFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
