namespace Marcgate.Storage.Sqlite;

/// <summary>Thrown by a write that must undo what it wrote yet still answer (a commit refused by a constraint): the writer rolls back its savepoint and hands the caller <see cref="Result"/>.</summary>
internal sealed class RolledBackWithResultException(object result) : Exception("The write was rolled back; its result is the answer.")
{
    public object Result { get; } = result;
}
