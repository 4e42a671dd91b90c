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

/// <summary><c>typedef struct x x;</c>: a handle C sees only through pointers.</summary>
public sealed class COpaque(string name, string origin) : CDeclaration(name, origin);

/// <summary>A C preprocessor constant: <c>#define NAME value</c>.</summary>
public sealed class CConstant(string name, string origin, string value) : CDeclaration(name, origin)
{
    public string Value { get; } = value;
}

/// <summary>Code copied into the header as it is (DNNE's [C99DeclCode]).</summary>
public sealed class CVerbatimCode(string origin, string code) : CDeclaration(string.Empty, origin)
{
    public string Code { get; } = code;
}
