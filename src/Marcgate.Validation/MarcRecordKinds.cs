using Marcgate.Marc;

namespace Marcgate.Validation;

/// <summary>Tells which MARC 21 format a record is in from its leader.</summary>
public static class MarcRecordKinds
{
    /// <summary>The format leader/06 names; bibliographic for any code the other formats do not use.</summary>
    public static MarcRecordKind FromLeader(Leader leader)
    {
        ArgumentNullException.ThrowIfNull(leader);

        // MARC 21 Authority leader/06 'z'; MARC 21 Holdings leader/06 'u', 'v', 'x', 'y'.
        return leader.TypeOfRecord switch
        {
            'z' => MarcRecordKind.Authority,
            'u' or 'v' or 'x' or 'y' => MarcRecordKind.Holdings,
            _ => MarcRecordKind.Bibliographic,
        };
    }
}
