namespace HeaderGen.Model;

public sealed class CParameter(string name, string origin, CType type)
{
    public string Name { get; set; } = name;

    public string Origin { get; } = origin;

    public CType Type { get; } = type;

    public string? Documentation { get; set; }
}
