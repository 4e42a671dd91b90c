using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using HeaderGen.Model;
using HeaderGen.Passes;

namespace HeaderGen.Reading;

/// <summary>
/// Reads an assembly's metadata (System.Reflection.Metadata; the assembly is never loaded) and builds the C model of
/// its exports: every [UnmanagedCallersOnly(EntryPoint = ...)] method, the types they reach, [CConstants] classes and
/// DNNE's [C99DeclCode] blocks.
/// </summary>
public static class AssemblyReader
{
    private const string InteropServices = "System.Runtime.InteropServices";

    public static CHeader Read(string assemblyPath, ReaderOptions options, Diagnostics diagnostics)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{assemblyPath} has no .NET metadata");
        }

        var reader = pe.GetMetadataReader();
        var shapes = new ShapeProvider(reader);
        var attributes = new AttributeReader(reader, shapes);
        var docs = options.DocumentationFile is { } docPath ? XmlDocumentation.Load(docPath) : XmlDocumentation.ForAssembly(assemblyPath);

        var assemblyAttributes = reader.GetAssemblyDefinition().GetCustomAttributes();
        string assemblyName = reader.GetString(reader.GetAssemblyDefinition().Name);
        string prefix = options.Prefix ?? attributes.Own(assemblyAttributes, "CPrefixAttribute") ?? string.Empty;
        string guard = options.Guard ?? NamingRules.UpperSnakeCase(assemblyName).Replace('.', '_') + "_H";
        var header = new CHeader { SourceAssembly = Path.GetFileName(assemblyPath), Prefix = prefix, Guard = guard };
        header.ExtraIncludes.AddRange(options.ExtraIncludes);

        var mapper = new TypeMapper(reader, shapes, attributes, docs, prefix, diagnostics);
        var entryPoints = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            string typeName = mapper.ClrName(typeHandle);
            string docType = mapper.DocName(typeHandle);

            if (attributes.HasOwn(type.GetCustomAttributes(), "CConstantsAttribute"))
            {
                ReadConstants(reader, attributes, mapper, docs, header, typeHandle, type);
            }

            ReadDataSymbols(reader, attributes, mapper, docs, header, typeHandle, type, diagnostics);

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                string methodName = reader.GetString(method.Name);
                string origin = $"{typeName}.{methodName}";
                var methodAttributes = method.GetCustomAttributes();

                foreach (var declCode in attributes.FindAll(methodAttributes, "DNNE", "C99DeclCodeAttribute"))
                {
                    if (declCode.FixedArguments is [{ Value: string code }, ..])
                    {
                        header.VerbatimCode.Add(new CVerbatimCode(origin, code));
                    }
                }

                if (attributes.Find(methodAttributes, InteropServices, "UnmanagedCallersOnlyAttribute") is not { } uco
                    || attributes.HasOwn(methodAttributes, "CIgnoreAttribute"))
                {
                    continue;
                }

                string? entryPoint = AttributeReader.Named<string>(uco, "EntryPoint");
                if (string.IsNullOrEmpty(entryPoint))
                {
                    const string unnamed = "[UnmanagedCallersOnly] without an EntryPoint is not exported; add EntryPoint = \"...\" or [CIgnore]";
                    if (options.UnnamedExports == Severity.Error)
                    {
                        diagnostics.Report(DiagnosticIds.UnnamedExport, origin, unnamed, Severity.Error);
                    }
                    else if (options.UnnamedExports == Severity.Warning)
                    {
                        diagnostics.Report(DiagnosticIds.UnnamedExport, origin, unnamed, Severity.Warning);
                    }

                    continue;
                }

                if (!NamingRules.IsIdentifier(entryPoint))
                {
                    diagnostics.Report(DiagnosticIds.BadEntryPoint, origin, $"the entry point \"{entryPoint}\" is not a C identifier");
                    continue;
                }

                if (entryPoints.TryGetValue(entryPoint, out string? first))
                {
                    diagnostics.Report(DiagnosticIds.DuplicateEntryPoint, origin, $"the entry point \"{entryPoint}\" is already exported by {first}");
                    continue;
                }

                entryPoints[entryPoint] = origin;
                if (prefix.Length > 0 && !entryPoint.StartsWith(prefix, StringComparison.Ordinal))
                {
                    diagnostics.Report(DiagnosticIds.MissingPrefix, origin, $"the entry point \"{entryPoint}\" lacks the assembly's prefix \"{prefix}\"; C names share one namespace");
                }

                if (method.GetGenericParameters().Count > 0 || type.GetGenericParameters().Count > 0)
                {
                    diagnostics.Report(DiagnosticIds.GenericExport, origin, "a generic method cannot be exported");
                    continue;
                }

                var callConvs = AttributeReader.NamedArray(uco, "CallConvs")
                    .Select(a => a.Value switch { ClrSerializedName n => n.Name, ClrReference r => r.FullName, _ => string.Empty })
                    .ToImmutableArray();
                var signature = mapper.BuildSignature(method, method.DecodeSignature(shapes, null), CallingConventions.FromTypeNames(callConvs), origin, docType, methodName, entryPoint);
                if (signature is null)
                {
                    continue;
                }

                header.Functions.Add(new CFunction(entryPoint, origin, signature, typeName)
                {
                    Documentation = docs.Method(docType, methodName),
                    GroupDocumentation = docs.Type(docType),
                });
            }
        }

        if (mapper.UsesNonBlittablePrimitive && !attributes.Has(assemblyAttributes, "System.Runtime.CompilerServices", "DisableRuntimeMarshallingAttribute"))
        {
            diagnostics.Report(DiagnosticIds.MarshalledPrimitive, assemblyName, "bool and char are laid out as C's bool and uint16_t only under [assembly: DisableRuntimeMarshalling]; add it");
        }

        if (header.Functions.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Report(DiagnosticIds.NoExports, assemblyName, "the assembly has no [UnmanagedCallersOnly(EntryPoint = \"...\")] exports; the header declares no functions");
        }

        header.Types = mapper.Declarations.ToList();
        return header;
    }

    private static void ReadConstants(MetadataReader reader, AttributeReader attributes, TypeMapper mapper, XmlDocumentation docs, CHeader header, TypeDefinitionHandle typeHandle, TypeDefinition type)
    {
        string typeName = reader.GetString(type.Name);
        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            const FieldAttributes publicConst = FieldAttributes.Literal | FieldAttributes.Public;
            // A [CData] constant is declared as its data symbol, not again as a macro.
            if ((field.Attributes & publicConst) != publicConst || attributes.HasOwn(field.GetCustomAttributes(), "CIgnoreAttribute")
                || attributes.HasOwn(field.GetCustomAttributes(), "CDataAttribute"))
            {
                continue;
            }

            string fieldName = reader.GetString(field.Name);
            string name = attributes.Own(field.GetCustomAttributes(), "CNameAttribute")
                ?? header.MacroPrefix + NamingRules.UpperSnakeCase(typeName) + "_" + NamingRules.UpperSnakeCase(fieldName);
            string origin = $"{mapper.ClrName(typeHandle)}.{fieldName}";
            var constant = reader.GetConstant(field.GetDefaultValue());
            string? value = ConstantLiteral(reader, mapper, constant);
            if (value is null)
            {
                continue;
            }

            header.Constants.Add(new CConstant(name, origin, value) { Documentation = docs.Field(mapper.DocName(typeHandle), fieldName) });
        }
    }

    /// <summary>
    /// [CData] constants become data symbols: the constant's C# type and value, the attribute's name (or the prefix
    /// and the field's name in snake case).
    /// </summary>
    private static void ReadDataSymbols(MetadataReader reader, AttributeReader attributes, TypeMapper mapper, XmlDocumentation docs, CHeader header, TypeDefinitionHandle typeHandle, TypeDefinition type, Diagnostics diagnostics)
    {
        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            if (attributes.Find(field.GetCustomAttributes(), AttributeReader.OwnNamespace, "CDataAttribute") is not { } data)
            {
                continue;
            }

            string fieldName = reader.GetString(field.Name);
            string origin = $"{mapper.ClrName(typeHandle)}.{fieldName}";
            if ((field.Attributes & FieldAttributes.Literal) == 0)
            {
                diagnostics.Report(DiagnosticIds.BadData, origin, "[CData] applies to const fields: their value is the data symbol's initial value");
                continue;
            }

            var constant = reader.GetConstant(field.GetDefaultValue());
            CType? ctype = constant.TypeCode switch
            {
                ConstantTypeCode.String => new CArray(new CPrimitive("char", 1, 1), 0),
                ConstantTypeCode.Boolean => TypeMapper.Primitive(PrimitiveTypeCode.Boolean),
                ConstantTypeCode.Char => TypeMapper.Primitive(PrimitiveTypeCode.Char),
                ConstantTypeCode.SByte => TypeMapper.Primitive(PrimitiveTypeCode.SByte),
                ConstantTypeCode.Byte => TypeMapper.Primitive(PrimitiveTypeCode.Byte),
                ConstantTypeCode.Int16 => TypeMapper.Primitive(PrimitiveTypeCode.Int16),
                ConstantTypeCode.UInt16 => TypeMapper.Primitive(PrimitiveTypeCode.UInt16),
                ConstantTypeCode.Int32 => TypeMapper.Primitive(PrimitiveTypeCode.Int32),
                ConstantTypeCode.UInt32 => TypeMapper.Primitive(PrimitiveTypeCode.UInt32),
                ConstantTypeCode.Int64 => TypeMapper.Primitive(PrimitiveTypeCode.Int64),
                ConstantTypeCode.UInt64 => TypeMapper.Primitive(PrimitiveTypeCode.UInt64),
                ConstantTypeCode.Single => TypeMapper.Primitive(PrimitiveTypeCode.Single),
                ConstantTypeCode.Double => TypeMapper.Primitive(PrimitiveTypeCode.Double),
                _ => null,
            };
            string? value = ctype is null ? null : ConstantLiteral(reader, mapper, constant);
            if (ctype is null || value is null)
            {
                diagnostics.Report(DiagnosticIds.BadData, origin, "[CData] needs a constant of a primitive type or a string (a finite number, not null)");
                continue;
            }

            bool mutable = AttributeReader.Named<bool>(data, "Mutable");
            if (mutable && ctype is CArray)
            {
                diagnostics.Report(DiagnosticIds.BadData, origin, "a string [CData] symbol cannot be mutable: C sees it as a fixed array");
                continue;
            }

            string name = data.FixedArguments is [{ Value: string given }, ..] ? given : header.SymbolPrefix + NamingRules.SnakeCase(fieldName);
            header.Data.Add(new CDataSymbol(name, origin, ctype, value, mutable) { Documentation = docs.Field(mapper.DocName(typeHandle), fieldName) });
        }
    }

    /// <summary>The C literal of a constant, typed as its C# type is (suffixes, INT64_C, exact float text).</summary>
    private static string? ConstantLiteral(MetadataReader reader, TypeMapper mapper, Constant constant)
    {
        var blob = reader.GetBlobReader(constant.Value);
        switch (constant.TypeCode)
        {
            case ConstantTypeCode.String:
                string? text = blob.ReadUTF16(blob.Length);
                return Literals.String(text);
            case ConstantTypeCode.Single:
                float f = blob.ReadSingle();
                return float.IsFinite(f) ? Literals.Float(f) : null;
            case ConstantTypeCode.Double:
                double d = blob.ReadDouble();
                return double.IsFinite(d) ? Literals.Double(d) : null;
            case ConstantTypeCode.Boolean:
                return blob.ReadBoolean() ? "1" : "0";
            case ConstantTypeCode.NullReference:
                return null;
            default:
                long value = mapper.ReadInteger(constant);
                var primitive = TypeMapper.Primitive(constant.TypeCode switch
                {
                    ConstantTypeCode.Char => PrimitiveTypeCode.Char,
                    ConstantTypeCode.SByte => PrimitiveTypeCode.SByte,
                    ConstantTypeCode.Byte => PrimitiveTypeCode.Byte,
                    ConstantTypeCode.Int16 => PrimitiveTypeCode.Int16,
                    ConstantTypeCode.UInt16 => PrimitiveTypeCode.UInt16,
                    ConstantTypeCode.Int32 => PrimitiveTypeCode.Int32,
                    ConstantTypeCode.UInt32 => PrimitiveTypeCode.UInt32,
                    ConstantTypeCode.Int64 => PrimitiveTypeCode.Int64,
                    _ => PrimitiveTypeCode.UInt64,
                })!;
                bool signed = constant.TypeCode is ConstantTypeCode.SByte or ConstantTypeCode.Int16 or ConstantTypeCode.Int32 or ConstantTypeCode.Int64;
                return Literals.Integer(value, primitive.Size, signed);
        }
    }
}
