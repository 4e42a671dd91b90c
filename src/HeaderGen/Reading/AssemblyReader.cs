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
        => Read(new[] { assemblyPath }, options, diagnostics);

    /// <summary>
    /// One header for several assemblies: Native AOT also exports the methods of the assemblies named by
    /// UnmanagedEntryPointsAssembly. The first input names the header (guard, prefix); types are declared once,
    /// whichever assembly defines them; an entry point exported twice is an error.
    /// </summary>
    public static CHeader Read(IReadOnlyList<string> assemblyPaths, ReaderOptions options, Diagnostics diagnostics)
    {
        if (assemblyPaths.Count == 0)
        {
            throw new ArgumentException("no input assembly", nameof(assemblyPaths));
        }

        using var set = new AssemblySet(assemblyPaths, options.References, options.DocumentationFile, options.Prefix, diagnostics);
        string prefix = set.Prefix;
        string assemblyName = set.Inputs[0].Name;
        string guard = options.Guard ?? NamingRules.UpperSnakeCase(assemblyName).Replace('.', '_') + "_H";
        var header = new CHeader
        {
            SourceAssembly = string.Join(", ", set.Inputs.Select(a => Path.GetFileName(a.Path))),
            Prefix = prefix,
            Guard = guard,
        };
        header.ExtraIncludes.AddRange(options.ExtraIncludes);

        var entryPoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in set.Inputs)
        {
            ReadAssembly(assembly, options, header, entryPoints, diagnostics);
        }

        if (header.Functions.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Report(DiagnosticIds.NoExports, assemblyName, "the inputs have no [UnmanagedCallersOnly(EntryPoint = \"...\")] exports; the header declares no functions");
        }

        header.Types = set.Registry.Order.ToList();
        return header;
    }

    private static void ReadAssembly(LoadedAssembly assembly, ReaderOptions options, CHeader header, Dictionary<string, string> entryPoints, Diagnostics diagnostics)
    {
        var reader = assembly.Reader;
        var shapes = assembly.Shapes;
        var attributes = assembly.Attributes;
        var docs = assembly.Docs;
        var mapper = assembly.Mapper;
        string prefix = header.Prefix;
        var assemblyAttributes = reader.GetAssemblyDefinition().GetCustomAttributes();

        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            string typeName = mapper.ClrName(typeHandle);
            string docType = mapper.DocName(typeHandle);

            if (attributes.HasOwn(type.GetCustomAttributes(), "CConstantsAttribute"))
            {
                ReadConstants(reader, attributes, mapper, docs, header, typeHandle, type, diagnostics);
            }

            ReadDataSymbols(reader, attributes, mapper, docs, header, typeHandle, type, diagnostics);

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                string methodName = reader.GetString(method.Name);
                string origin = $"{typeName}.{methodName}";
                var methodAttributes = method.GetCustomAttributes();

                // DNNE's verbatim C, on the method or on any of its parameters; each block once, whoever repeats it.
                ReadVerbatimCode(attributes, methodAttributes, origin, header);
                foreach (var parameterHandle in method.GetParameters())
                {
                    ReadVerbatimCode(attributes, reader.GetParameter(parameterHandle).GetCustomAttributes(), origin, header);
                }

                var uco = attributes.Find(methodAttributes, InteropServices, "UnmanagedCallersOnlyAttribute");
                string? entryPoint = uco is { } found ? AttributeReader.Named<string>(found, "EntryPoint") : null;
                if (attributes.Find(methodAttributes, "DNNE", "ExportAttribute") is { } dnne && string.IsNullOrEmpty(entryPoint))
                {
                    string name = AttributeReader.Named<string>(dnne, "EntryPoint") ?? methodName;
                    diagnostics.Report(DiagnosticIds.DnneExport, origin, $"[DNNE.Export] makes a DNNE export, which Native AOT does not; write [UnmanagedCallersOnly(EntryPoint = \"{name}\")] to export it");
                    continue;
                }

                if (uco is null || attributes.HasOwn(methodAttributes, "CIgnoreAttribute"))
                {
                    continue;
                }

                if (string.IsNullOrEmpty(entryPoint))
                {
                    const string unnamed = "[UnmanagedCallersOnly] without an EntryPoint is not exported; add EntryPoint = \"...\" or [CIgnore]";
                    if (options.UnnamedExports is { } severity)
                    {
                        diagnostics.Report(DiagnosticIds.UnnamedExport, origin, unnamed, severity);
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

                entryPoints[entryPoint] = header.SourceAssembly.Contains(',') ? $"{origin} ({assembly.Name})" : origin;
                if (prefix.Length > 0 && !entryPoint.StartsWith(prefix, StringComparison.Ordinal))
                {
                    diagnostics.Report(DiagnosticIds.MissingPrefix, origin, $"the entry point \"{entryPoint}\" lacks the assembly's prefix \"{prefix}\"; C names share one namespace");
                }

                if (method.GetGenericParameters().Count > 0 || type.GetGenericParameters().Count > 0)
                {
                    diagnostics.Report(DiagnosticIds.GenericExport, origin, "a generic method cannot be exported");
                    continue;
                }

                var callConvs = AttributeReader.NamedArray(uco.Value, "CallConvs")
                    .Select(a => a.Value switch { ClrSerializedName n => n.Name, ClrReference r => r.FullName, _ => string.Empty })
                    .ToImmutableArray();
                int findingsBefore = diagnostics.Items.Count;
                var signature = mapper.BuildSignature(method, method.DecodeSignature(shapes, null), CallingConventions.FromTypeNames(callConvs), origin, docType, methodName, entryPoint);
                // A finding about a type this export reached names the export: the type's own location alone does not
                // say which of many exports pulled it in.
                diagnostics.AddContext(findingsBefore, origin, entryPoint);
                if (signature is null)
                {
                    continue;
                }

                header.Functions.Add(new CFunction(entryPoint, origin, signature)
                {
                    Hints = ReadHints(attributes, methodAttributes),
                    Documentation = docs.Method(docType, methodName),
                    Platforms = PlatformGuards.Read(attributes, origin, diagnostics, methodAttributes, type.GetCustomAttributes(), assemblyAttributes),
                });
            }
        }

        if (mapper.UsesNonBlittablePrimitive && !attributes.Has(assemblyAttributes, "System.Runtime.CompilerServices", "DisableRuntimeMarshallingAttribute"))
        {
            diagnostics.Report(DiagnosticIds.MarshalledPrimitive, assembly.Name, "bool and char are laid out as C's bool and uint16_t only under [assembly: DisableRuntimeMarshalling]; add it");
        }
    }

    private static CFunctionHints ReadHints(AttributeReader attributes, CustomAttributeHandleCollection methodAttributes)
    {
        var hints = CFunctionHints.None;
        foreach (var (name, hint) in new[]
        {
            ("CLastErrorMessageAttribute", CFunctionHints.LastErrorMessage),
            ("CStatusIsValueAttribute", CFunctionHints.StatusIsValue),
            ("CStringFreeAttribute", CFunctionHints.StringFree),
            ("CRetainsCallbackAttribute", CFunctionHints.RetainsCallback),
            ("CIteratorNextAttribute", CFunctionHints.IteratorNext),
        })
        {
            if (attributes.HasOwn(methodAttributes, name))
            {
                hints |= hint;
            }
        }

        return hints;
    }

    private static void ReadVerbatimCode(AttributeReader attributes, CustomAttributeHandleCollection attributeHandles, string origin, CHeader header)
    {
        foreach (var declCode in attributes.FindAll(attributeHandles, "DNNE", "C99DeclCodeAttribute"))
        {
            if (declCode.FixedArguments is [{ Value: string code }, ..] && !header.VerbatimCode.Any(v => v.Code == code))
            {
                header.VerbatimCode.Add(new CVerbatimCode(origin, code));
            }
        }
    }

    private static void ReadConstants(MetadataReader reader, AttributeReader attributes, TypeMapper mapper, XmlDocumentation docs, CHeader header, TypeDefinitionHandle typeHandle, TypeDefinition type, Diagnostics diagnostics)
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
            if (ConstantValue(reader, mapper, reader.GetConstant(field.GetDefaultValue())) is not { } constant)
            {
                diagnostics.Report(DiagnosticIds.ConstantWithoutLiteral, origin, $"{name} is left out: C has no literal for its value");
                continue;
            }

            header.Constants.Add(new CConstant(name, origin, constant.Value) { Documentation = docs.Field(mapper.DocName(typeHandle), fieldName) });
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

            if (ConstantValue(reader, mapper, reader.GetConstant(field.GetDefaultValue())) is not { } constant)
            {
                diagnostics.Report(DiagnosticIds.BadData, origin, "[CData] needs a constant of a primitive type or a string (a finite number, not null)");
                continue;
            }

            var (ctype, value) = constant;
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

    /// <summary>
    /// A constant's C type and typed value: a primitive of its C# type, or a char array for a string; null for null
    /// and for infinities and NaN, which C has no portable literal for.
    /// </summary>
    private static (CType Type, CLiteral Value)? ConstantValue(MetadataReader reader, TypeMapper mapper, Constant constant)
    {
        var blob = reader.GetBlobReader(constant.Value);
        switch (constant.TypeCode)
        {
            case ConstantTypeCode.String:
                return (new CArray(CPrimitives.Char, 0), new CStringLiteral(blob.ReadUTF16(blob.Length) ?? string.Empty));
            case ConstantTypeCode.Single:
                float f = blob.ReadSingle();
                return float.IsFinite(f) ? (CPrimitives.Float, new CFloatLiteral(f, Single: true)) : null;
            case ConstantTypeCode.Double:
                double d = blob.ReadDouble();
                return double.IsFinite(d) ? (CPrimitives.Double, new CFloatLiteral(d, Single: false)) : null;
            case ConstantTypeCode.NullReference:
                return null;
            default:
                var code = CPrimitives.CodeOf(constant.TypeCode);
                if (code is null)
                {
                    return null;
                }

                var primitive = CPrimitives.Of(code.Value)!;
                bool signed = constant.TypeCode is ConstantTypeCode.SByte or ConstantTypeCode.Int16 or ConstantTypeCode.Int32 or ConstantTypeCode.Int64;
                return (primitive, new CIntegerLiteral(mapper.ReadInteger(constant), primitive, signed));
        }
    }
}
