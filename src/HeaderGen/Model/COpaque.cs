namespace HeaderGen.Model;

/// <summary><c>typedef struct x x;</c>: a handle C sees only through pointers.</summary>
public sealed class COpaque(string name, string origin) : CDeclaration(name, origin);
