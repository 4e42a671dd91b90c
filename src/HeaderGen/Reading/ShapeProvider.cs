using System;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace HeaderGen.Reading;

/// <summary>Decodes signatures and custom-attribute arguments into <see cref="ClrType"/> shapes.</summary>
internal sealed class ShapeProvider(MetadataReader reader) : ISignatureTypeProvider<ClrType, object?>, ICustomAttributeTypeProvider<ClrType>
{
    public ClrType GetPrimitiveType(PrimitiveTypeCode typeCode) => new ClrPrimitive(typeCode);

    public ClrType GetPointerType(ClrType elementType) => new ClrPointer(elementType);

    public ClrType GetByReferenceType(ClrType elementType) => new ClrByRef(elementType);

    public ClrType GetFunctionPointerType(MethodSignature<ClrType> signature) => new ClrFunctionPointer(signature);

    public ClrType GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => new ClrDefinition(handle);

    public ClrType GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var reference = r.GetTypeReference(handle);
        string ns = r.GetString(reference.Namespace);
        string assembly = string.Empty;
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            // A nested type: name it after its outermost declaring type's namespace.
            var outer = (ClrReference)GetTypeFromReference(r, (TypeReferenceHandle)reference.ResolutionScope, rawTypeKind);
            ns = outer.FullName;
            assembly = outer.Assembly;
        }
        else if (reference.ResolutionScope.Kind == HandleKind.AssemblyReference)
        {
            assembly = r.GetString(r.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name);
        }

        return new ClrReference(ns, r.GetString(reference.Name), rawTypeKind == (byte)SignatureTypeKind.ValueType, assembly);
    }

    public ClrType GetTypeFromSpecification(MetadataReader r, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        => r.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public ClrType GetModifiedType(ClrType modifier, ClrType unmodifiedType, bool isRequired) => new ClrModified(modifier, unmodifiedType, isRequired);

    public ClrType GetPinnedType(ClrType elementType) => elementType;

    public ClrType GetSZArrayType(ClrType elementType) => new ClrUnsupported("a managed array");

    public ClrType GetArrayType(ClrType elementType, ArrayShape shape) => new ClrUnsupported("a managed array");

    public ClrType GetGenericInstantiation(ClrType genericType, ImmutableArray<ClrType> typeArguments) => new ClrUnsupported("a generic type instantiation");

    public ClrType GetGenericMethodParameter(object? genericContext, int index) => new ClrUnsupported("a generic method parameter");

    public ClrType GetGenericTypeParameter(object? genericContext, int index) => new ClrUnsupported("a generic type parameter");

    // Custom attribute arguments.
    public ClrType GetSystemType() => new ClrReference("System", "Type", false);

    public bool IsSystemType(ClrType type) => type is ClrReference { Namespace: "System", Name: "Type" };

    public ClrType GetTypeFromSerializedName(string name) => new ClrSerializedName(name);

    public PrimitiveTypeCode GetUnderlyingEnumType(ClrType type)
    {
        if (type is ClrDefinition definition)
        {
            foreach (var fieldHandle in reader.GetTypeDefinition(definition.Handle).GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                if ((field.Attributes & System.Reflection.FieldAttributes.Static) == 0
                    && field.DecodeSignature(this, null) is ClrPrimitive primitive)
                {
                    return primitive.Code;
                }
            }
        }

        // Enums of other assemblies in attribute arguments are not read by HeaderGen; int is their usual type.
        return type is ClrReference ? PrimitiveTypeCode.Int32 : throw new BadImageFormatException($"{type} is not an enum");
    }
}
