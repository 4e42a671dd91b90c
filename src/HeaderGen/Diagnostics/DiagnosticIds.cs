using System.Collections.Generic;
using System.Linq;

namespace HeaderGen;

/// <summary>
/// Every diagnostic HeaderGen reports, with its stable ID. The README's table is this list; tests assert IDs, never
/// message text. IDs are never reused or renumbered.
/// </summary>
public static class DiagnosticIds
{
    // Types C cannot express.
    public static readonly DiagnosticDescriptor ManagedType = new("HG0001", Severity.Error, "a managed type (string, object, class, array, delegate) crosses the boundary", "pass text as UTF-8 (byte*) or UTF-16 (char*) with a length, objects as opaque handles, callbacks as delegate* unmanaged<...>");
    public static readonly DiagnosticDescriptor ByRef = new("HG0002", Severity.Error, "a ref, in or out parameter", "use a pointer (T*)");
    public static readonly DiagnosticDescriptor NoCForm = new("HG0003", Severity.Error, "a type with no C form (generic instantiation, unsupported signature element)", "use a blittable non-generic struct or a primitive");
    public static readonly DiagnosticDescriptor VoidValue = new("HG0004", Severity.Error, "void used as a parameter or field", "remove it, or use void* for untyped memory");
    public static readonly DiagnosticDescriptor OpaqueByValue = new("HG0005", Severity.Error, "an opaque handle type used by value", "use it through a pointer (Handle*)");
    public static readonly DiagnosticDescriptor GenericType = new("HG0006", Severity.Error, "a generic type or method", "declare a non-generic struct or method for each instantiation C needs");
    public static readonly DiagnosticDescriptor ReferenceType = new("HG0007", Severity.Error, "a class (reference type) crosses the boundary", "use a struct, or an opaque handle");
    public static readonly DiagnosticDescriptor InlineArrayShape = new("HG0008", Severity.Error, "an [InlineArray] struct without exactly one field", "give it exactly one instance field");
    public static readonly DiagnosticDescriptor AutoLayout = new("HG0009", Severity.Error, "a struct with LayoutKind.Auto", "use [StructLayout(LayoutKind.Sequential)] or Explicit");
    public static readonly DiagnosticDescriptor NotBlittable = new("HG0010", Severity.Error, "a struct with a field that has no C form", "fix the field reported above it");
    public static readonly DiagnosticDescriptor FixedBufferElement = new("HG0011", Severity.Error, "a fixed buffer of a type with no C form", "use a primitive element type, or [InlineArray]");
    public static readonly DiagnosticDescriptor ManagedFunctionPointer = new("HG0012", Severity.Error, "a managed function pointer (delegate*<...>)", "use delegate* unmanaged<...>");
    public static readonly DiagnosticDescriptor UnnamableFunctionPointer = new("HG0013", Severity.Error, "a function-pointer type in a place with no name to derive its typedef from", "name its typedef with [CCallback(typeof(SomeDelegate))]");
    public static readonly DiagnosticDescriptor BadCallback = new("HG0014", Severity.Error, "[CCallback] on something that is not a function pointer, or naming no delegate of the assembly", "put [CCallback(typeof(D))] on a delegate* unmanaged<...> and let D be a delegate of the same assembly");
    public static readonly DiagnosticDescriptor CallbackMismatch = new("HG0015", Severity.Error, "[CCallback] names a delegate whose signature differs from the function pointer's", "make the delegate's parameters and result match the function pointer's");
    public static readonly DiagnosticDescriptor MarshalledPrimitive = new("HG0016", Severity.Error, "bool or char by value without [assembly: DisableRuntimeMarshalling]", "add [assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]");
    public static readonly DiagnosticDescriptor TypeFromUnreadAssembly = new("HG0017", Severity.Error, "a struct defined in an assembly HeaderGen could not find", "pass that assembly as an input or with --reference, or spell the C type with [CType]/[C99Type]");

    // Annotations used wrongly.
    public static readonly DiagnosticDescriptor ConstOnNonPointer = new("HG0020", Severity.Error, "[Const] on something that is not a pointer", "remove [Const]; only pointers have a const pointee");
    public static readonly DiagnosticDescriptor EmptyCType = new("HG0021", Severity.Error, "[CType]/[C99Type] with an empty spelling", "give the C type, e.g. [CType(\"size_t\")]");
    public static readonly DiagnosticDescriptor BadData = new("HG0022", Severity.Error, "[CData] on a field that is not a constant of a primitive type or string, or a mutable string", "put [CData] on a const of a primitive type (or a read-only string)");
    public static readonly DiagnosticDescriptor FieldNeedsLayout = new("HG0023", Severity.Error, "[CType]/[C99Type] on a struct field whose C# type has no C form", "give the field a C# type of the same size; the spelling then replaces it");

    // Exports.
    public static readonly DiagnosticDescriptor UnnamedExport = new("HG0030", Severity.Warning, "[UnmanagedCallersOnly] without EntryPoint (reported only with --unnamed-exports warn|error)", "add EntryPoint = \"name\" to export it; Native AOT does not export it otherwise");
    public static readonly DiagnosticDescriptor BadEntryPoint = new("HG0031", Severity.Error, "an EntryPoint that is not a C identifier", "use letters, digits and '_'");
    public static readonly DiagnosticDescriptor DuplicateEntryPoint = new("HG0032", Severity.Error, "two methods (in one or several assemblies) with the same EntryPoint", "rename one of them");
    public static readonly DiagnosticDescriptor MissingPrefix = new("HG0033", Severity.Warning, "an EntryPoint without the assembly's [CPrefix]", "start the name with the prefix: C has one namespace");
    public static readonly DiagnosticDescriptor GenericExport = new("HG0034", Severity.Error, "a generic method or a method of a generic type marked [UnmanagedCallersOnly]", "export a non-generic method");
    public static readonly DiagnosticDescriptor NoExports = new("HG0035", Severity.Warning, "no [UnmanagedCallersOnly(EntryPoint = ...)] method in the inputs", "add exports, or check that the right assembly is read");
    public static readonly DiagnosticDescriptor DnneExport = new("HG0036", Severity.Warning, "a [DNNE.Export] method: DNNE's own export, which Native AOT does not make", "write [UnmanagedCallersOnly(EntryPoint = \"name\")] on it");
    public static readonly DiagnosticDescriptor ConstantWithoutLiteral = new("HG0038", Severity.Warning, "a [CConstants] constant C has no literal for (null, NaN, infinity), left out of the header", "give it a finite value, or mark it [CIgnore] to leave it out silently");
    public static readonly DiagnosticDescriptor UnknownPlatform = new("HG0037", Severity.Warning, "[SupportedOSPlatform]/[UnsupportedOSPlatform] names a platform HeaderGen has no C test for; the declaration is not guarded for it", "use windows, linux, macos/osx, freebsd, android, ios");

    // Layout.
    public static readonly DiagnosticDescriptor OverlappingFields = new("HG0040", Severity.Error, "explicit fields that overlap outside a union", "put every field at offset 0 (a union), or nest a union");
    public static readonly DiagnosticDescriptor MisalignedField = new("HG0041", Severity.Error, "a FieldOffset that is not a multiple of the field's alignment", "move the field, or use Pack");
    public static readonly DiagnosticDescriptor OddSize = new("HG0042", Severity.Error, "a StructLayout.Size that is not a multiple of the struct's alignment", "round Size up to the alignment");

    // Names.
    public static readonly DiagnosticDescriptor NotAnIdentifier = new("HG0050", Severity.Error, "a C name that is not a C identifier", "give it another name with [CName]");
    public static readonly DiagnosticDescriptor KeywordName = new("HG0051", Severity.Error, "a file-scope C name that is a C or C++ keyword", "give it another name with [CName]");
    public static readonly DiagnosticDescriptor NameCollision = new("HG0052", Severity.Error, "two declarations with the same C name", "give one of them another name with [CName]");
    public static readonly DiagnosticDescriptor RenamedLocal = new("HG0053", Severity.Warning, "a field or parameter named like a C/C++ keyword or one of the header's types gets a trailing '_'", "rename it, or give it a name with [CName]");
    public static readonly DiagnosticDescriptor DuplicateLocal = new("HG0054", Severity.Error, "two fields of a struct, or two parameters, with the same C name", "give one of them another name with [CName]");

    // Inputs.
    public static readonly DiagnosticDescriptor UnreadableReference = new("HG0060", Severity.Warning, "a --reference that is not a readable .NET assembly", "pass the assembly's path, or a folder that holds it");

    // The C++ and Python layers.
    public static readonly DiagnosticDescriptor NotWrapped = new("HG0070", Severity.Warning, "an export no rule of the C++ and Python layers wraps; the layers leave it out (the C header has it)", "see docs/bindings.md: annotate it ([CLength], [CStringFree], ...) or change its signature");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticIds)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, System.StringComparer.Ordinal)
        .ToList();
}
