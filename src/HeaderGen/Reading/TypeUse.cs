namespace HeaderGen.Reading;

/// <summary>Where a type is used: the rules differ (arrays only in fields, void only as a result).</summary>
internal enum TypeUse
{
    Parameter,
    Return,
    Field,
    PointerTarget,
}
