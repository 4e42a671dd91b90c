using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>The C# names of types, as messages, reflection and XML documentation spell them.</summary>
internal sealed partial class TypeMapper
{
    public string BaseTypeName(TypeDefinition type)
    {
        var baseType = type.BaseType;
        return baseType.Kind switch
        {
            HandleKind.TypeReference => reader.GetTypeReference((TypeReferenceHandle)baseType) is var r ? $"{reader.GetString(r.Namespace)}.{reader.GetString(r.Name)}" : string.Empty,
            HandleKind.TypeDefinition => DocName((TypeDefinitionHandle)baseType),
            _ => string.Empty,
        };
    }

    /// <summary>The C# name for messages: nested types as Outer.Inner, without the namespace.</summary>
    public string ClrName(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? name : $"{ClrName(declaring)}.{name}";
    }

    /// <summary>The name reflection uses: Namespace.Outer+Inner.</summary>
    public string ReflectionName(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? DocName(handle) : $"{ReflectionName(declaring)}+{reader.GetString(type.Name)}";
    }

    /// <summary>The full name as XML documentation ids spell it (Namespace.Outer.Inner).</summary>
    public string DocName(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return $"{DocName(declaring)}.{reader.GetString(type.Name)}";
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? reader.GetString(type.Name) : $"{ns}.{reader.GetString(type.Name)}";
    }

    /// <summary>A type's C name: its [CName], else the prefix and its C# name in snake case.</summary>
    public string TypeCName(TypeDefinition type)
        => attributes.Own(type.GetCustomAttributes(), "CNameAttribute") ?? prefix + NamingRules.SnakeCase(reader.GetString(type.Name));
}
