using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>Structs, unions, fixed buffers and [InlineArray] types: their fields and layout kind.</summary>
internal sealed partial class TypeMapper
{
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
            string cName = TypeCName(type);
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
}
