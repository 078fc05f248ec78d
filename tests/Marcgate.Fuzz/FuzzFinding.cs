namespace Marcgate.Fuzz;

/// <summary>Thrown by a target when the code under test broke a promise without throwing: too much memory for its input, or an invariant of its API.</summary>
internal sealed class FuzzFinding(string message) : Exception(message);
