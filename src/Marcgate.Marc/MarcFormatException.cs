namespace Marcgate.Marc;

/// <summary>Thrown when a record cannot be written in the requested format (e.g. a field over 9,999 bytes).</summary>
public sealed class MarcFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the offending element.</summary>
    public MarcFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MarcFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MarcFormatException()
    {
    }
}
