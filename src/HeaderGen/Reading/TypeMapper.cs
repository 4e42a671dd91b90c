using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>
/// Maps the types a signature or a field uses to the C model, creating one declaration per C# type the first time
/// it is met. Whatever C cannot express exactly is an error naming the member and the reason.
/// </summary>
internal sealed partial class TypeMapper(MetadataReader reader, ShapeProvider shapes, AttributeReader attributes, XmlDocumentation docs, string prefix, Diagnostics diagnostics, AssemblySet? set = null)
{
    private const string Dnne = "DNNE";

    private readonly Dictionary<TypeDefinitionHandle, CDeclaration> _declarations = new();
    private readonly Dictionary<TypeDefinitionHandle, CType> _inlineArrays = new();
    private readonly Dictionary<TypeDefinitionHandle, CStruct> _inlineArrayStructs = new();
    private readonly DeclarationRegistry _registry = set?.Registry ?? new DeclarationRegistry();

    public TypeMapper(LoadedAssembly assembly, AssemblySet set)
        : this(assembly.Reader, assembly.Shapes, assembly.Attributes, assembly.Docs, set.Prefix, set.Diagnostics, set)
    {
    }

    /// <summary>Every declaration made (by this mapper and those it shares a registry with), in the order first met.</summary>
    public IReadOnlyList<CDeclaration> Declarations => _registry.Order;

    /// <summary>Set when a bool or char is met: without DisableRuntimeMarshalling their layout is not the C one.</summary>
    public bool UsesNonBlittablePrimitive { get; private set; }

    /// <summary>
    /// The C type of a parameter, return value or field, honouring [CType], [Const] and [CCallback].
    /// <paramref name="useName"/> names the use in C (<c>el_walk_visit</c> for parameter <c>visit</c> of <c>el_walk</c>):
    /// an unnamed function-pointer type used there becomes the typedef <c>useName_fn</c>.
    /// </summary>
    public CType? MapUse(ClrType type, CustomAttributeHandleCollection? useAttributes, string location, TypeUse use, string? useName = null)
    {
        string? spelling = attributes.Own(useAttributes, "CTypeAttribute") ?? attributes.String(useAttributes, Dnne, "C99TypeAttribute");
        var callback = attributes.Find(useAttributes, AttributeReader.OwnNamespace, "CCallbackAttribute");
        bool isConst = attributes.HasOwn(useAttributes, "ConstAttribute");

        if (spelling is not null && string.IsNullOrWhiteSpace(spelling))
        {
            diagnostics.Report(DiagnosticIds.EmptyCType, location, "[CType] needs a C type");
            return null;
        }

        if (spelling is not null && use is not TypeUse.Field)
        {
            // The spelling stands for the C# type, which is not mapped: it may have no C form, or be a type that only
            // the spelling (and a [C99DeclCode] block) declares.
            return new CVerbatimType(spelling.Trim(), null);
        }

        CType? mapped;
        if (callback is { } callbackValue)
        {
            mapped = MapCallback(type, callbackValue, location);
        }
        else
        {
            mapped = Map(type, location, use, useName);
        }

        if (mapped is null)
        {
            if (spelling is not null)
            {
                diagnostics.Report(DiagnosticIds.FieldNeedsLayout, location, "a field's C# type gives its layout, and this one has no C form; [CType] only respells it");
            }

            return null;
        }

        if (isConst)
        {
            if (mapped is CPointer pointer)
            {
                mapped = pointer with { ConstPointee = true };
            }
            else
            {
                diagnostics.Report(DiagnosticIds.ConstOnNonPointer, location, "[Const] applies to pointers only");
                return null;
            }
        }

        if (spelling is not null)
        {
            mapped = new CVerbatimType(spelling.Trim(), mapped);
        }

        return mapped;
    }

    public CType? Map(ClrType type, string location, TypeUse use, string? useName = null)
    {
        switch (type)
        {
            case ClrModified modified:
                return Map(modified.Unmodified, location, use, useName);
            case ClrPrimitive primitive:
                return MapPrimitive(primitive.Code, location, use);
            case ClrPointer pointer:
                var pointee = Map(pointer.Element, location, TypeUse.PointerTarget, useName);
                return pointee is null ? null : new CPointer(pointee);
            case ClrByRef:
                diagnostics.Report(DiagnosticIds.ByRef, location, "ref, in and out parameters have no C form; use a pointer");
                return null;
            case ClrFunctionPointer functionPointer:
                return MapUnnamedFunctionPointer(functionPointer, location, useName);
            case ClrDefinition definition:
                return MapDefinition(definition.Handle, location, use);
            case ClrReference reference:
                return MapReference(reference, location, use);
            case ClrUnsupported unsupported:
                diagnostics.Report(DiagnosticIds.NoCForm, location, $"{unsupported.Description} has no C form");
                return null;
            default:
                diagnostics.Report(DiagnosticIds.NoCForm, location, $"{type} has no C form");
                return null;
        }
    }

    public static CPrimitive? Primitive(PrimitiveTypeCode code) => CPrimitives.Of(code);

    private CType? MapPrimitive(PrimitiveTypeCode code, string location, TypeUse use)
    {
        if (code is PrimitiveTypeCode.String or PrimitiveTypeCode.Object or PrimitiveTypeCode.TypedReference)
        {
            diagnostics.Report(DiagnosticIds.ManagedType, location, $"{code.ToString().ToLowerInvariant()} is a managed type; pass UTF-8 or UTF-16 through pointers instead");
            return null;
        }

        if (code is PrimitiveTypeCode.Void && use is TypeUse.Parameter or TypeUse.Field)
        {
            diagnostics.Report(DiagnosticIds.VoidValue, location, "void is not a value");
            return null;
        }

        // Only a bool or char held by value (a parameter, a result, a field) is marshalled; behind a pointer it is the
        // plain 1-byte bool or 2-byte UTF-16 unit in memory, with or without DisableRuntimeMarshalling.
        if (code is PrimitiveTypeCode.Boolean or PrimitiveTypeCode.Char && use is not TypeUse.PointerTarget)
        {
            UsesNonBlittablePrimitive = true;
        }

        return Primitive(code);
    }

    /// <summary>
    /// A type of another assembly: read from that assembly's metadata when the assembly set finds it, else a framework
    /// value type with a fixed layout (System.Guid, CLong, CULong, NFloat), else an error that says what to pass.
    /// </summary>
    private CType? MapReference(ClrReference reference, string location, TypeUse use)
    {
        if (!reference.IsValueType)
        {
            diagnostics.Report(DiagnosticIds.ReferenceType, location, $"{reference.FullName} is a reference type; only blittable value types cross a C boundary");
            return null;
        }

        if (set?.Resolve(reference) is { } found)
        {
            return found.Assembly.Mapper.MapDefinition(found.Handle, location, use);
        }

        if (FrameworkTypes.Map(reference.FullName, prefix, _registry) is { } framework)
        {
            return framework;
        }

        string where = reference.Assembly.Length > 0 ? $"assembly {reference.Assembly}" : "another assembly";
        diagnostics.Report(DiagnosticIds.TypeFromUnreadAssembly, location, $"{reference.FullName} is defined in {where}, which HeaderGen did not find beside the inputs or among the --reference paths");
        return null;
    }

    internal CType? MapDefinition(TypeDefinitionHandle handle, string location, TypeUse use)
    {
        if (_inlineArrays.TryGetValue(handle, out var array))
        {
            return InlineArrayUse(handle, array, use);
        }

        if (!_declarations.TryGetValue(handle, out var declaration))
        {
            declaration = Declare(handle);
            if (declaration is null)
            {
                return _inlineArrays.TryGetValue(handle, out array) ? InlineArrayUse(handle, array, use) : null;
            }
        }

        if (declaration is COpaque && use is not TypeUse.PointerTarget)
        {
            diagnostics.Report(DiagnosticIds.OpaqueByValue, location, $"{declaration.Name} is an opaque handle type and can only be used through a pointer");
            return null;
        }

        return new CNamedType(declaration);
    }

    private CDeclaration? Declare(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        string clrName = ClrName(handle);
        string origin = clrName;

        if (type.GetGenericParameters().Count > 0)
        {
            diagnostics.Report(DiagnosticIds.GenericType, origin, "a generic type has no C form");
            return null;
        }

        string baseName = BaseTypeName(type);
        string cName = TypeCName(type);

        switch (baseName)
        {
            case "System.Enum":
                return Remember(handle, ReadEnum(handle, type, cName, origin));
            case "System.MulticastDelegate":
                diagnostics.Report(DiagnosticIds.ManagedType, origin, "a delegate is a managed object; use delegate* unmanaged<...> with [CCallback(typeof(...))]");
                return null;
            case "System.ValueType":
                break;
            default:
                diagnostics.Report(DiagnosticIds.ReferenceType, origin, "a class is a reference type; only blittable value types cross a C boundary");
                return null;
        }

        var instanceFields = type.GetFields().Select(reader.GetFieldDefinition).Where(f => (f.Attributes & FieldAttributes.Static) == 0).ToList();

        if (attributes.Find(type.GetCustomAttributes(), "System.Runtime.CompilerServices", "InlineArrayAttribute") is { } inline)
        {
            int length = (int)inline.FixedArguments[0].Value!;
            if (instanceFields.Count != 1)
            {
                diagnostics.Report(DiagnosticIds.InlineArrayShape, origin, "an [InlineArray] struct must have exactly one field");
                return null;
            }

            var element = Map(instanceFields[0].DecodeSignature(shapes, null), $"{origin}.{reader.GetString(instanceFields[0].Name)}", TypeUse.Field);
            if (element is not null)
            {
                _inlineArrays[handle] = new CArray(element, length);
            }

            return null;
        }

        if (attributes.HasOwn(type.GetCustomAttributes(), "COpaqueAttribute") || instanceFields.Count == 0)
        {
            return Remember(handle, new COpaque(cName, origin) { Documentation = docs.Type(DocName(handle)) });
        }

        return ReadStruct(handle, type, instanceFields, cName, origin);
    }

    private CDeclaration Remember(TypeDefinitionHandle handle, CDeclaration declaration)
    {
        declaration.ClrFullName = ReflectionName(handle);
        _declarations[handle] = declaration;
        _registry.Order.Add(declaration);
        return declaration;
    }
}
