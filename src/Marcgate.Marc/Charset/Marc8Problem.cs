namespace Marcgate.Marc.Charset;

/// <summary>A MARC-8 byte sequence no table defines, at a byte offset within the converted value.</summary>
internal readonly record struct Marc8Problem(int Offset, string Message);
