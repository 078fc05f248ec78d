namespace Marcgate.Gateway;

/// <summary>The logon fields read so far on one reading of a request; each tag at most once (gateway §3.1).</summary>
internal readonly record struct LogonFields(ValueRange? User, ValueRange? Logon, ValueRange? Password)
{
    public bool Any => User is not null || Logon is not null || Password is not null;

    public bool Has(byte tag) => tag switch
    {
        (byte)'U' => User is not null,
        (byte)'A' => Logon is not null,
        _ => Password is not null,
    };

    public LogonFields With(byte tag, ValueRange value) => tag switch
    {
        (byte)'U' => this with { User = value },
        (byte)'A' => this with { Logon = value },
        _ => this with { Password = value },
    };
}
