namespace Marcgate.Validation.Tables;

/// <summary>A fixed field's layout: the leader, 008 for one material type, 006 for one form, or 007 for one category.</summary>
/// <remarks>Shortest is the shortest length MARC 21 still accepts (007/c and 007/m may stop early).</remarks>
internal sealed record FixedFieldDefinition(string Name, int Length, int Shortest, PositionDefinition[] Positions);
