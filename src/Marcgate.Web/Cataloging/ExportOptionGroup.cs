namespace Marcgate.Web.Cataloging;

/// <summary>A group of fields on the Export Options page, titled as in Connexion.</summary>
internal sealed record ExportOptionGroup(string Title, IReadOnlyList<ExportOptionField> Fields);
