namespace Marcgate.Gateway;

/// <summary>Where a field's value lies in the buffered request.</summary>
internal readonly record struct ValueRange(int Start, int Length);
