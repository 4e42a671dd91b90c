namespace HeaderGen.Model;

/// <summary>Anything the header declares at file scope. <see cref="Origin"/> names the C# source for messages.</summary>
public abstract class CDeclaration(string name, string origin)
{
    public string Name { get; set; } = name;

    public string Origin { get; } = origin;

    public string? Documentation { get; set; }

    /// <summary>The C# type's reflection name (Namespace.Outer+Inner), for tools that pair the C view with the runtime's.</summary>
    public string? ClrFullName { get; set; }

    public override string ToString() => $"{GetType().Name} {Name} ({Origin})";
}
