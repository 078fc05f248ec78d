namespace Marcgate.Marc.Tests.Properties;

/// <summary>A record generated large enough to pass ISO 2709's 99,999-byte limit.</summary>
public sealed record OversizeRecord(MarcRecord Record);
