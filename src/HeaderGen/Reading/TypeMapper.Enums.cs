using System;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>Enums and flags: members, values and the underlying type.</summary>
internal sealed partial class TypeMapper
{
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
            IsStatus = attributes.HasOwn(type.GetCustomAttributes(), "CStatusAttribute"),
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
}
