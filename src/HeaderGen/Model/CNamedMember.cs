namespace HeaderGen.Model;

/// <summary>
/// What fields, parameters and enum members share: a C name that the naming pass may change, the C# member it comes
/// from (for messages), and its documentation.
/// </summary>
public abstract class CNamedMember(string name, string origin)
{
    public string Name { get; set; } = name;

    public string Origin { get; } = origin;

    public string? Documentation { get; set; }

    public override string ToString() => $"{GetType().Name} {Name} ({Origin})";
}
