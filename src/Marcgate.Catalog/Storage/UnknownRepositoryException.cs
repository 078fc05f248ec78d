namespace Marcgate.Catalog.Storage;

/// <summary>Thrown when a write names a repository that does not exist.</summary>
public sealed class UnknownRepositoryException : Exception
{
    /// <summary>Creates the exception for the named repository.</summary>
    public UnknownRepositoryException(string repository)
        : base($"Repository '{repository}' does not exist; add it with 'marcgate repositories add {repository}'.")
    {
        Repository = repository;
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownRepositoryException()
        : this(string.Empty)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UnknownRepositoryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Repository = string.Empty;
    }

    /// <summary>The repository named.</summary>
    public string Repository { get; } = string.Empty;
}
