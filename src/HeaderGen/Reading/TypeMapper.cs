using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>Where a type is used: the rules differ (arrays only in fields, void only as a result).</summary>
internal enum TypeUse
{
    Parameter,
    Return,
    Field,
    PointerTarget,
}

/// <summary>
/// Maps the types a signature or a field uses to the C model, creating one declaration per C# type the first time
/// it is met. Whatever C cannot express exactly is an error naming the member and the reason.
/// </summary>
internal sealed class TypeMapper(MetadataReader reader, ShapeProvider shapes, AttributeReader attributes, XmlDocumentation docs, string prefix, Diagnostics diagnostics, AssemblySet? set = null)
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

        if (spelling is not null && use is not TypeUse.Field)
        {
            // The spelling stands for the C# type, which is not mapped: it may have no C form, or be a type that only
            // the spelling (and a [C99DeclCode] block) declares.
            if (string.IsNullOrWhiteSpace(spelling))
            {
                diagnostics.Report(DiagnosticIds.EmptyCType, location, "[CType] needs a C type");
                return null;
            }

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
            if (string.IsNullOrWhiteSpace(spelling))
            {
                diagnostics.Report(DiagnosticIds.EmptyCType, location, "[CType] needs a C type");
                return null;
            }

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

    /// <summary>
    /// An [InlineArray] in a struct field is a C array; anywhere else (by value, behind a pointer) C needs a type, so it
    /// is a struct around the array, named after the C# type, whose one field is the C# element field.
    /// </summary>
    private CType InlineArrayUse(TypeDefinitionHandle handle, CType array, TypeUse use)
    {
        if (use is TypeUse.Field)
        {
            return array;
        }

        if (!_inlineArrayStructs.TryGetValue(handle, out var wrapper))
        {
            var type = reader.GetTypeDefinition(handle);
            string origin = ClrName(handle);
            string cName = attributes.Own(type.GetCustomAttributes(), "CNameAttribute") ?? prefix + NamingRules.SnakeCase(reader.GetString(type.Name));
            var element = type.GetFields().Select(reader.GetFieldDefinition).First(f => (f.Attributes & FieldAttributes.Static) == 0);
            string fieldName = reader.GetString(element.Name);
            wrapper = new CStruct(cName, origin, isUnion: false) { LayoutKind = CLayoutKind.Sequential, Documentation = docs.Type(DocName(handle)) };
            wrapper.Fields.Add(new CField(fieldName, $"{origin}.{fieldName}", array) { ClrName = fieldName });
            wrapper.ClrFullName = ReflectionName(handle);
            _inlineArrayStructs[handle] = wrapper;
            _registry.Order.Add(wrapper);
        }

        return new CNamedType(wrapper);
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
        string? explicitName = attributes.Own(type.GetCustomAttributes(), "CNameAttribute");
        string cName = explicitName ?? prefix + NamingRules.SnakeCase(reader.GetString(type.Name));

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

    private CDeclaration? ReadStruct(TypeDefinitionHandle handle, TypeDefinition type, List<FieldDefinition> fields, string cName, string origin)
    {
        var layoutKind = type.Attributes & TypeAttributes.LayoutMask;
        if (layoutKind == TypeAttributes.AutoLayout)
        {
            diagnostics.Report(DiagnosticIds.AutoLayout, origin, "LayoutKind.Auto lets the runtime reorder fields; use Sequential or Explicit");
            return null;
        }

        var layout = type.GetLayout();
        bool isExplicit = layoutKind == TypeAttributes.ExplicitLayout;
        bool isUnion = isExplicit && fields.Count > 0 && fields.All(f => f.GetOffset() == 0);
        var result = new CStruct(cName, origin, isUnion)
        {
            LayoutKind = isExplicit ? CLayoutKind.Explicit : CLayoutKind.Sequential,
            Pack = layout.PackingSize,
            DeclaredSize = layout.Size,
            Documentation = docs.Type(DocName(handle)),
        };

        // Remember before reading fields: a field may point back at this struct.
        Remember(handle, result);

        bool ok = true;
        foreach (var field in fields)
        {
            string fieldClrName = reader.GetString(field.Name);
            string location = $"{origin}.{fieldClrName}";
            var fieldAttributes = field.GetCustomAttributes();
            CType? fieldType;
            if (attributes.Find(fieldAttributes, "System.Runtime.CompilerServices", "FixedBufferAttribute") is { } fixedBuffer)
            {
                fieldType = FixedBuffer(fixedBuffer, location);
            }
            else
            {
                fieldType = MapUse(field.DecodeSignature(shapes, null), fieldAttributes, location, TypeUse.Field,
                    $"{cName}_{attributes.Own(fieldAttributes, "CNameAttribute") ?? fieldClrName}");
            }

            if (fieldType is null)
            {
                ok = false;
                continue;
            }

            int offset = field.GetOffset();
            result.Fields.Add(new CField(attributes.Own(fieldAttributes, "CNameAttribute") ?? NamingRules.FieldName(fieldClrName), location, fieldType)
            {
                ExplicitOffset = isExplicit ? offset : null,
                Documentation = docs.Field(DocName(handle), fieldClrName),
                ClrName = fieldClrName,
            });
        }

        if (!ok)
        {
            diagnostics.Report(DiagnosticIds.NotBlittable, origin, "the struct is not blittable: a field above has no C form");
        }

        return result;
    }

    private CType? FixedBuffer(CustomAttributeValue<ClrType> value, string location)
    {
        string? elementName = value.FixedArguments[0].Value switch
        {
            ClrSerializedName name => name.Name.Split(',')[0].Trim(),
            ClrReference reference => reference.FullName,
            _ => null,
        };
        int length = (int)value.FixedArguments[1].Value!;
        var code = elementName is null ? null : CPrimitives.CodeOf(elementName);
        if (code is null)
        {
            diagnostics.Report(DiagnosticIds.FixedBufferElement, location, $"a fixed buffer of {elementName ?? "an unknown type"} has no C form");
            return null;
        }

        return new CArray(MapPrimitive(code.Value, location, TypeUse.Field)!, length);
    }

    private CEnum ReadEnum(TypeDefinitionHandle handle, TypeDefinition type, string cName, string origin)
    {
        var fields = type.GetFields().Select(reader.GetFieldDefinition).ToList();
        var underlyingCode = fields.Where(f => (f.Attributes & FieldAttributes.Static) == 0)
            .Select(f => f.DecodeSignature(shapes, null)).OfType<ClrPrimitive>().Single().Code;
        bool isSigned = underlyingCode is PrimitiveTypeCode.SByte or PrimitiveTypeCode.Int16 or PrimitiveTypeCode.Int32 or PrimitiveTypeCode.Int64;
        bool isFlags = attributes.Has(type.GetCustomAttributes(), "System", "FlagsAttribute");
        var result = new CEnum(cName, origin, Primitive(underlyingCode)!, isSigned, isFlags)
        {
            Documentation = docs.Type(DocName(handle)),
        };
        result.MemberPrefix = attributes.Own(type.GetCustomAttributes(), "CEnumPrefixAttribute") ?? cName.ToUpperInvariant() + "_";

        foreach (var field in fields.Where(f => (f.Attributes & FieldAttributes.Literal) != 0))
        {
            string memberName = reader.GetString(field.Name);
            if (attributes.HasOwn(field.GetCustomAttributes(), "CIgnoreAttribute"))
            {
                continue;
            }

            long value = ReadInteger(reader.GetConstant(field.GetDefaultValue()));
            string name = attributes.Own(field.GetCustomAttributes(), "CNameAttribute") ?? result.MemberPrefix + NamingRules.UpperSnakeCase(memberName);
            result.Members.Add(new CEnumMember(name, $"{origin}.{memberName}", value)
            {
                Documentation = docs.Field(DocName(handle), memberName),
            });
        }

        return result;
    }

    public long ReadInteger(Constant constant)
    {
        var blob = reader.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.Boolean => blob.ReadBoolean() ? 1 : 0,
            ConstantTypeCode.Char => blob.ReadChar(),
            ConstantTypeCode.SByte => blob.ReadSByte(),
            ConstantTypeCode.Byte => blob.ReadByte(),
            ConstantTypeCode.Int16 => blob.ReadInt16(),
            ConstantTypeCode.UInt16 => blob.ReadUInt16(),
            ConstantTypeCode.Int32 => blob.ReadInt32(),
            ConstantTypeCode.UInt32 => blob.ReadUInt32(),
            ConstantTypeCode.Int64 => blob.ReadInt64(),
            ConstantTypeCode.UInt64 => unchecked((long)blob.ReadUInt64()),
            _ => throw new BadImageFormatException($"constant of type {constant.TypeCode} is not an integer"),
        };
    }

    /// <summary>
    /// A <c>delegate* unmanaged&lt;...&gt;</c> without [CCallback]: a typedef named after where it is used
    /// (<c>useName_fn</c>: <c>el_walk_visit_fn</c>, <c>el_hooks_progress_fn</c>, <c>el_make_result_fn</c>), with parameters
    /// <c>arg0</c>, <c>arg1</c>, ... . Each use gets its own typedef, so a name always says where it comes from.
    /// </summary>
    private CType? MapUnnamedFunctionPointer(ClrFunctionPointer pointer, string location, string? useName)
    {
        if (pointer.Signature.Header.CallingConvention == SignatureCallingConvention.Default)
        {
            diagnostics.Report(DiagnosticIds.ManagedFunctionPointer, location, "delegate*<...> is a managed function pointer, which C cannot call; use delegate* unmanaged<...>");
            return null;
        }

        if (useName is null)
        {
            diagnostics.Report(DiagnosticIds.UnnamableFunctionPointer, location, "a function-pointer type here has no use to name it after; name its C typedef with [CCallback(typeof(SomeDelegate))]");
            return null;
        }

        string name = useName + "_fn";
        if (_registry.UnnamedCallbacks.TryGetValue(name, out var known))
        {
            return new CNamedType(known);
        }

        var convention = CallingConventions.OfFunctionPointer(pointer.Signature);
        var returnType = Map(pointer.Signature.ReturnType, $"{location} (result)", TypeUse.Return, useName + "_result");
        var signature = returnType is null ? null : new CSignature(returnType, convention);
        for (int i = 0; i < pointer.Signature.ParameterTypes.Length; i++)
        {
            var parameterType = Map(pointer.Signature.ParameterTypes[i], $"{location} (argument {i})", TypeUse.Parameter, $"{useName}_arg{i}");
            if (parameterType is null)
            {
                signature = null;
                continue;
            }

            signature?.Parameters.Add(new CParameter($"arg{i}", $"{location} (argument {i})", parameterType));
        }

        if (signature is null)
        {
            return null;
        }

        var typedef = new CFunctionPointer(name, location, signature);
        _registry.UnnamedCallbacks[name] = typedef;
        _registry.Order.Add(typedef);
        return new CNamedType(typedef);
    }

    /// <summary>A function-pointer use named by [CCallback(typeof(D))]: the typedef takes D's name and parameters.</summary>
    private CType? MapCallback(ClrType type, CustomAttributeValue<ClrType> callback, string location)
    {
        if (type.StripModifiers() is not ClrFunctionPointer pointer)
        {
            diagnostics.Report(DiagnosticIds.BadCallback, location, "[CCallback] applies to delegate* unmanaged<...> types only");
            return null;
        }

        if (callback.FixedArguments[0].Value is not ClrSerializedName { Name: var serialized } || FindType(serialized) is not { } delegateHandle)
        {
            diagnostics.Report(DiagnosticIds.BadCallback, location, "[CCallback] must name a delegate type of this assembly");
            return null;
        }

        if (!_declarations.TryGetValue(delegateHandle, out var declaration))
        {
            declaration = DeclareCallback(delegateHandle);
            if (declaration is null)
            {
                return null;
            }
        }

        var typedef = (CFunctionPointer)declaration;
        var convention = CallingConventions.OfFunctionPointer(pointer.Signature);
        var invoke = DelegateInvoke(delegateHandle);
        var expected = invoke.DecodeSignature(shapes, null);
        if (!SameShape(expected, pointer.Signature) || typedef.Signature.CallingConvention != convention)
        {
            diagnostics.Report(DiagnosticIds.CallbackMismatch, location, $"the function pointer's signature differs from the delegate {ClrName(delegateHandle)} that [CCallback] names");
            return null;
        }

        return new CNamedType(typedef);
    }

    private CFunctionPointer? DeclareCallback(TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        string origin = ClrName(handle);
        if (BaseTypeName(type) != "System.MulticastDelegate")
        {
            diagnostics.Report(DiagnosticIds.BadCallback, origin, "[CCallback] must name a delegate type");
            return null;
        }

        var invoke = DelegateInvoke(handle);
        var signature = invoke.DecodeSignature(shapes, null);
        string cName = attributes.Own(type.GetCustomAttributes(), "CNameAttribute") ?? prefix + NamingRules.SnakeCase(reader.GetString(type.Name));
        var convention = CallingConventions.OfDelegate(attributes.Find(type.GetCustomAttributes(), "System.Runtime.InteropServices", "UnmanagedFunctionPointerAttribute"));
        var result = new CFunctionPointer(cName, origin, new CSignature(CPrimitive.Void, convention)) { Documentation = docs.Type(DocName(handle)) };
        _declarations[handle] = result;

        var built = BuildSignature(invoke, signature, convention, origin, DocName(handle), "Invoke", cName);
        if (built is null)
        {
            _declarations.Remove(handle);
            return null;
        }

        var complete = new CFunctionPointer(cName, origin, built) { Documentation = result.Documentation };
        _declarations[handle] = complete;
        _registry.Order.Add(complete);
        return complete;
    }

    /// <summary>Maps a method's result and parameters, with their names, attributes and documentation.</summary>
    public CSignature? BuildSignature(MethodDefinition method, MethodSignature<ClrType> signature, CCallingConvention convention, string origin, string docType, string docMethod, string? cName = null)
    {
        // Parameter rows by sequence number (0 is the result); a compiler may omit rows for unnamed parameters.
        var rows = method.GetParameters().Select(reader.GetParameter).ToDictionary(p => (int)p.SequenceNumber);
        CustomAttributeHandleCollection? returnAttributes = rows.TryGetValue(0, out var returnRow) ? returnRow.GetCustomAttributes() : null;
        var returnType = MapUse(signature.ReturnType, returnAttributes, $"{origin} (result)", TypeUse.Return, cName is null ? null : cName + "_result");
        var result = returnType is null ? null : new CSignature(returnType, convention)
        {
            ReturnDocumentation = docs.Returns(docType, docMethod),
        };

        for (int i = 0; i < signature.ParameterTypes.Length; i++)
        {
            bool hasRow = rows.TryGetValue(i + 1, out var parameter);
            string clrName = hasRow ? reader.GetString(parameter.Name) : string.Empty;
            string location = $"{origin} (parameter '{(clrName.Length > 0 ? clrName : (i + 1).ToString())}')";
            CustomAttributeHandleCollection? parameterAttributes = hasRow ? parameter.GetCustomAttributes() : null;
            string? parameterCName = (hasRow ? attributes.Own(parameterAttributes, "CNameAttribute") : null) ?? (clrName.Length > 0 ? clrName : $"arg{i}");
            var type = MapUse(signature.ParameterTypes[i], parameterAttributes, location, TypeUse.Parameter, cName is null ? null : $"{cName}_{parameterCName}");
            if (type is null)
            {
                result = null;
                continue;
            }

            string name = (hasRow ? attributes.Own(parameterAttributes, "CNameAttribute") : null) ?? (clrName.Length > 0 ? clrName : $"arg{i}");
            result?.Parameters.Add(new CParameter(name, location, type) { Documentation = docs.Parameter(docType, docMethod, clrName) });
        }

        return result;
    }

    private MethodDefinition DelegateInvoke(TypeDefinitionHandle handle)
        => reader.GetTypeDefinition(handle).GetMethods().Select(reader.GetMethodDefinition).First(m => reader.GetString(m.Name) == "Invoke");

    private static bool SameShape(MethodSignature<ClrType> a, MethodSignature<ClrType> b)
        => a.ParameterTypes.Length == b.ParameterTypes.Length
            && Same(a.ReturnType, b.ReturnType)
            && a.ParameterTypes.Zip(b.ParameterTypes).All(p => Same(p.First, p.Second));

    private static bool Same(ClrType a, ClrType b) => (a.StripModifiers(), b.StripModifiers()) switch
    {
        (ClrPointer x, ClrPointer y) => Same(x.Element, y.Element),
        (ClrFunctionPointer x, ClrFunctionPointer y) => SameShape(x.Signature, y.Signature),
        var (x, y) => x.Equals(y),
    };

    private TypeDefinitionHandle? FindType(string serializedName)
    {
        string fullName = serializedName.Split(',')[0].Trim().Replace('+', '.');
        foreach (var handle in reader.TypeDefinitions)
        {
            if (DocName(handle) == fullName)
            {
                return handle;
            }
        }

        return null;
    }

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
}
