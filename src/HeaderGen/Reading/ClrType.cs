using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace HeaderGen.Reading;

/// <summary>A type as a metadata signature spells it, before it is mapped to C.</summary>
public abstract record ClrType;

public sealed record ClrPrimitive(PrimitiveTypeCode Code) : ClrType;

public sealed record ClrPointer(ClrType Element) : ClrType;

public sealed record ClrByRef(ClrType Element) : ClrType;

/// <summary><c>delegate* unmanaged[...]&lt;...&gt;</c>; the calling convention sits in modifiers of the return type.</summary>
public sealed record ClrFunctionPointer(MethodSignature<ClrType> Signature) : ClrType;

/// <summary>A type defined in the assembly being read.</summary>
public sealed record ClrDefinition(TypeDefinitionHandle Handle) : ClrType;

/// <summary>
/// A type defined in another assembly, known by name (HeaderGen never loads assemblies; it reads the other assembly's
/// metadata when it can find it). <see cref="Assembly"/> is the defining assembly's simple name, when the reference says.
/// </summary>
public sealed record ClrReference(string Namespace, string Name, bool IsValueType, string Assembly = "") : ClrType
{
    public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";
}

/// <summary>A type with a custom modifier (modopt/modreq), such as the calling convention of a function pointer.</summary>
public sealed record ClrModified(ClrType Modifier, ClrType Unmodified, bool IsRequired) : ClrType;

/// <summary>Anything C cannot express (arrays, generic instantiations, generic parameters), with a description.</summary>
public sealed record ClrUnsupported(string Description) : ClrType;

/// <summary>A type named in a custom attribute's argument (typeof(X)), by its serialized name.</summary>
public sealed record ClrSerializedName(string Name) : ClrType;

internal static class ClrTypeExtensions
{
    public static ClrType StripModifiers(this ClrType type) => type is ClrModified m ? m.Unmodified.StripModifiers() : type;

    public static ImmutableArray<ClrType> Modifiers(this ClrType type)
    {
        var builder = ImmutableArray.CreateBuilder<ClrType>();
        while (type is ClrModified m)
        {
            builder.Add(m.Modifier);
            type = m.Unmodified;
        }

        return builder.ToImmutable();
    }
}
