using Marcgate.Catalog.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Marcgate.Storage.Postgres;

/// <summary>Commands written as one expression: <c>connection.Command(sql).Bind("name", value)</c>, each parameter typed.</summary>
internal static class PostgresCommandExtensions
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql) => new(sql, connection);

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, string? value) =>
        command.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, long? value) =>
        command.Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = value is { } v ? v : DBNull.Value });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, int value) =>
        command.Add(new NpgsqlParameter<int>(name, NpgsqlDbType.Integer) { TypedValue = value });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, bool value) =>
        command.Add(new NpgsqlParameter<bool>(name, NpgsqlDbType.Boolean) { TypedValue = value });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, bool? value) =>
        command.Add(new NpgsqlParameter(name, NpgsqlDbType.Boolean) { Value = value is { } v ? v : DBNull.Value });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, byte[] value) =>
        command.Add(new NpgsqlParameter<byte[]>(name, NpgsqlDbType.Bytea) { TypedValue = value });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, DateTimeOffset value) =>
        command.Add(new NpgsqlParameter<DateTimeOffset>(name, NpgsqlDbType.TimestampTz) { TypedValue = PostgresTime.ToStored(value) });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, DateTimeOffset? value) =>
        command.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? PostgresTime.ToStored(v) : DBNull.Value });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, long[] value) =>
        command.Add(new NpgsqlParameter<long[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = value });

    public static NpgsqlCommand Bind(this NpgsqlCommand command, string name, string[] value) =>
        command.Add(new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = value });

    /// <summary>The command as one statement of an <see cref="NpgsqlBatch"/>, its parameters moved over.</summary>
    public static NpgsqlBatchCommand ToBatchCommand(this NpgsqlCommand command)
    {
        var statement = new NpgsqlBatchCommand(command.CommandText);
        var parameters = command.Parameters.ToArray();
        command.Parameters.Clear();
        foreach (var parameter in parameters)
        {
            statement.Parameters.Add(parameter);
        }

        command.Dispose();
        return statement;
    }

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static DateTimeOffset GetTime(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static NpgsqlCommand Add(this NpgsqlCommand command, NpgsqlParameter parameter)
    {
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>A receipt's columns, as a new receipt and a copied one (ImportReceiptAsync) both write them.</summary>
    public static NpgsqlCommand BindReceipt(this NpgsqlCommand command, Receipt receipt) =>
        command
            .Bind("at", receipt.At)
            .Bind("peer", receipt.PeerAddress)
            .Bind("logon", receipt.LogonId)
            .Bind("user", receipt.UserId)
            .Bind("ok", receipt.Ok)
            .Bind("action", receipt.Action)
            .Bind("code", receipt.Code)
            .Bind("repository", receipt.Repository)
            .Bind("record", receipt.RecordId?.Value)
            .Bind("oclc", receipt.OclcNumber?.Value)
            .Bind("message", receipt.Message)
            .Bind("correlation", receipt.CorrelationId);

    /// <summary>An audit entry's columns but its id and time, as a new entry and a copied one (ImportAuditEntryAsync) both write them.</summary>
    public static NpgsqlCommand BindAuditEntry(this NpgsqlCommand command, AuditEntry entry) =>
        command
            .Bind("actor", entry.Actor)
            .Bind("actorKind", AuditNames.Actor(entry.ActorKind))
            .Bind("action", entry.Action)
            .Bind("subjectKind", AuditNames.Subject(entry.SubjectKind))
            .Bind("subjectName", entry.SubjectName)
            .Bind("detail", entry.Detail);
}
