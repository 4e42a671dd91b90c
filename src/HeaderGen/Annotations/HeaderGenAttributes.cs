// Annotations that HeaderGen reads from an assembly's metadata to shape the C header.
//
// This file is compiled into the project that exports functions (HeaderGen.targets adds it), not into
// HeaderGen itself: HeaderGen never loads the assembly, it matches these attributes by namespace and name,
// so every project carries its own internal copy and none of them leaks into a public API.
// DNNE's DNNE.C99TypeAttribute and DNNE.C99DeclCodeAttribute are honoured the same way.
#nullable enable
using System;

namespace HeaderGen
{
    /// <summary>The C name of a type, field, parameter, enum member or constant, instead of the naming rule.</summary>
    [AttributeUsage(AttributeTargets.All, AllowMultiple = false, Inherited = false)]
    internal sealed class CNameAttribute : Attribute
    {
        public CNameAttribute(string name) => Name = name;
        public string Name { get; }
    }

    /// <summary>
    /// Prefix for the C names of the assembly's types (<c>el_</c>: <c>Point</c> becomes <c>el_point</c>); its
    /// upper-case form prefixes macros (<c>EL_API</c>, constants).
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
    internal sealed class CPrefixAttribute : Attribute
    {
        public CPrefixAttribute(string prefix) => Prefix = prefix;
        public string Prefix { get; }
    }

    /// <summary>The data a pointer points to is <c>const</c> in C: <c>const T*</c>.</summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class ConstAttribute : Attribute
    {
    }

    /// <summary>
    /// Spell this parameter, return value or field with the given C type (for instance <c>size_t</c> for a
    /// <c>nuint</c>, <c>const char*</c> for a <c>byte*</c>). The C type must have the size of the C# type;
    /// the header's assertions and the layout tests check it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class CTypeAttribute : Attribute
    {
        public CTypeAttribute(string spelling) => Spelling = spelling;
        public string Spelling { get; }
    }

    /// <summary>
    /// Names the C typedef of a function-pointer parameter, return value or field: the delegate type gives the
    /// typedef's name (by the naming rule or its own [CName]) and its parameter names and attributes. HeaderGen
    /// checks that the delegate's signature equals the function pointer's.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class CCallbackAttribute : Attribute
    {
        public CCallbackAttribute(Type signature) => Signature = signature;
        public Type Signature { get; }
    }

    /// <summary>Prefix of the enum's C member names instead of the default <c>UPPER(enum C name)_</c>.</summary>
    [AttributeUsage(AttributeTargets.Enum, AllowMultiple = false)]
    internal sealed class CEnumPrefixAttribute : Attribute
    {
        public CEnumPrefixAttribute(string prefix) => Prefix = prefix;
        public string Prefix { get; }
    }

    /// <summary>
    /// A handle type that C sees only as <c>typedef struct x x;</c>. A struct without instance fields is opaque
    /// anyway; the attribute makes it explicit.
    /// </summary>
    [AttributeUsage(AttributeTargets.Struct, AllowMultiple = false)]
    internal sealed class COpaqueAttribute : Attribute
    {
    }

    /// <summary>The public constants of this static class become macros in the header.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    internal sealed class CConstantsAttribute : Attribute
    {
    }

    /// <summary>
    /// Makes this constant a data symbol of the native library (Native AOT exports only functions; the toolchain
    /// defines the symbol in a generated C file linked into both libraries and HeaderGen declares it
    /// <c>extern</c>): <c>[CData("el_version_number")] public const uint VersionNumber = 0x10000;</c> gives
    /// <c>extern const uint32_t el_version_number;</c>. Without a name, the prefix and the field's name in snake case.
    /// With <see cref="Mutable"/>, the symbol is a C global that C may write and C# reads through the hidden function
    /// <c>NAME__address</c> (bind it with <c>[DllImport("ExportLib.Data", EntryPoint = "NAME__address")]</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class CDataAttribute : Attribute
    {
        public CDataAttribute()
        {
        }

        public CDataAttribute(string name) => Name = name;

        public string? Name { get; }

        /// <summary>A writable C global (initialised with the constant's value) instead of a read-only one.</summary>
        public bool Mutable { get; set; }
    }

    /// <summary>Leave this export, enum member or constant out of the header.</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class CIgnoreAttribute : Attribute
    {
    }

    // ---- For the C++ and Python layers (--cpp, --python): what a C signature alone cannot say. docs/bindings.md ----

    /// <summary>
    /// The status enum: every export returning it throws (C++) or raises (Python) when the value is not 0, with the
    /// message of the export marked [CLastErrorMessage].
    /// </summary>
    [AttributeUsage(AttributeTargets.Enum, AllowMultiple = false)]
    internal sealed class CStatusAttribute : Attribute
    {
    }

    /// <summary>The export that copies the calling thread's last error message into a caller buffer.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    internal sealed class CLastErrorMessageAttribute : Attribute
    {
    }

    /// <summary>This export's status result is a value to return (el_last_error_status), not a failure to throw.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    internal sealed class CStatusIsValueAttribute : Attribute
    {
    }

    /// <summary>
    /// The export that frees strings the library allocates: every <c>char**</c> out-parameter of another export is
    /// such a string, copied by the layers and then freed with this export.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    internal sealed class CStringFreeAttribute : Attribute
    {
    }

    /// <summary>
    /// The callback passed to this export stays registered after the call returns (until the next call), so the
    /// layers keep the callable alive until it is replaced.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    internal sealed class CRetainsCallbackAttribute : Attribute
    {
    }

    /// <summary>
    /// This export is an iterator's step: its outputs are (item, has_item); the handle it is a method of becomes
    /// iterable (C++ range, Python iterator).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    internal sealed class CIteratorNextAttribute : Attribute
    {
    }

    /// <summary>This pointer parameter is an array of as many elements as the named parameter says.</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
    internal sealed class CLengthAttribute : Attribute
    {
        public CLengthAttribute(string parameter) => Parameter = parameter;
        public string Parameter { get; }
    }

    /// <summary>
    /// What the layers' trampoline returns to the library when the callable passed for this callback parameter
    /// throws (default 0): for a callback whose non-zero result means stop, 1 stops the call early.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
    internal sealed class CCallbackErrorResultAttribute : Attribute
    {
        public CCallbackErrorResultAttribute(long result) => Result = result;
        public long Result { get; }
    }
}
