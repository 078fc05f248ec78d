using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>
/// A write that is one statement with no reads before it, so the group-commit writer can send it with the other such
/// writes of its batch in one round trip: the statement, and how its result row says what the write produced.
/// </summary>
/// <remarks>
/// The statement never asks to be undone: what would undo it (a number another record holds) is an error from
/// PostgreSQL, which undoes the batch before its <c>COMMIT</c>, sent in the same round trip, can run.
/// </remarks>
internal sealed record PipelinedWrite<T>(Func<NpgsqlBatchCommand> CreateCommand, Func<NpgsqlDataReader, Written<T>> Read);
