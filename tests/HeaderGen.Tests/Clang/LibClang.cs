using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace HeaderGen.Tests.Clang;

// A minimal binding to libclang's C API: just what the layout cross-check and the libclang header compiles need.
// libclang comes from the NuGet package libclang.runtime.linux-x64 (restored with the tests, so no system package is
// needed); where that is not there (another host), from Debian's libclang1-NN, the newest installed.
[StructLayout(LayoutKind.Sequential)]
internal struct CXCursor
{
    public int Kind;
    public int XData;
    public nint Data0;
    public nint Data1;
    public nint Data2;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXType
{
    public int Kind;
    public nint Data0;
    public nint Data1;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXSourceLocation
{
    public nint Data0;
    public nint Data1;
    public uint IntData;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXString
{
    public nint Data;
    public uint Flags;
}

internal static unsafe partial class LibClang
{
    private const string Library = "libclang";

    public const int CursorStructDecl = 2;
    public const int CursorUnionDecl = 3;
    public const int CursorFieldDecl = 6;
    public const int CursorFunctionDecl = 8;
    public const int CursorLinkageSpec = 23;
    public const int CursorUnexposedDecl = 1; // how libclang 14 reports extern "C" { }
    public const int ChildVisitBreak = 0;
    public const int ChildVisitContinue = 1;
    public const int ChildVisitRecurse = 2;
    public const int DiagnosticError = 3;
    public const int TypeVoid = 2;

    static LibClang() => NativeLibrary.SetDllImportResolver(typeof(LibClang).Assembly, Resolve);

    public static string? LoadedFrom { get; private set; }

    /// <summary>
    /// Whether the loaded libclang came without clang's own headers (stddef.h, stdbool.h, ...): the NuGet package has
    /// only the library. Parses then take those headers from gcc's include folder.
    /// </summary>
    public static bool NeedsBuiltinHeaders { get; private set; }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
        {
            return 0;
        }

        // The package's native asset, found through the test assembly's deps.json.
        if (NativeLibrary.TryLoad(Library, assembly, DllImportSearchPath.AssemblyDirectory, out nint packaged))
        {
            LoadedFrom = "the libclang.runtime NuGet package";
            NeedsBuiltinHeaders = true;
            return packaged;
        }

        foreach (string candidate in new[] { "libclang-18.so.1", "libclang-17.so.1", "libclang-16.so.1", "libclang-15.so.1", "libclang-14.so.1", "libclang.so.1", "libclang.so" })
        {
            if (NativeLibrary.TryLoad(candidate, out nint handle))
            {
                LoadedFrom = candidate;
                return handle;
            }
        }

        throw new DllNotFoundException("libclang is not installed (Debian: apt-get install libclang1-14)");
    }

    [LibraryImport(Library)] public static partial nint clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);
    [LibraryImport(Library)] public static partial void clang_disposeIndex(nint index);
    [LibraryImport(Library)] public static partial nint clang_parseTranslationUnit(nint index, byte* sourceFilename, byte** commandLineArgs, int numArgs, nint unsavedFiles, uint numUnsavedFiles, uint options);
    [LibraryImport(Library)] public static partial void clang_disposeTranslationUnit(nint unit);
    [LibraryImport(Library)] public static partial CXCursor clang_getTranslationUnitCursor(nint unit);
    [LibraryImport(Library)] public static partial uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, nint, int> visitor, nint clientData);
    [LibraryImport(Library)] public static partial int clang_getCursorKind(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXString clang_getCursorSpelling(CXCursor cursor);
    [LibraryImport(Library)] public static partial uint clang_isCursorDefinition(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);
    [LibraryImport(Library)] public static partial int clang_Location_isFromMainFile(CXSourceLocation location);
    [LibraryImport(Library)] public static partial CXType clang_getCursorType(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXType clang_getCursorResultType(CXCursor cursor);
    [LibraryImport(Library)] public static partial int clang_Cursor_getNumArguments(CXCursor cursor);
    [LibraryImport(Library)] public static partial CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);
    [LibraryImport(Library)] public static partial long clang_Type_getSizeOf(CXType type);
    [LibraryImport(Library)] public static partial long clang_Type_getAlignOf(CXType type);
    [LibraryImport(Library)] public static partial long clang_Type_getOffsetOf(CXType type, byte* field);
    [LibraryImport(Library)] public static partial CXType clang_getCanonicalType(CXType type);
    [LibraryImport(Library)] public static partial byte* clang_getCString(CXString text);
    [LibraryImport(Library)] public static partial void clang_disposeString(CXString text);
    [LibraryImport(Library)] public static partial uint clang_getNumDiagnostics(nint unit);
    [LibraryImport(Library)] public static partial nint clang_getDiagnostic(nint unit, uint index);
    [LibraryImport(Library)] public static partial int clang_getDiagnosticSeverity(nint diagnostic);
    [LibraryImport(Library)] public static partial CXString clang_formatDiagnostic(nint diagnostic, uint options);
    [LibraryImport(Library)] public static partial void clang_disposeDiagnostic(nint diagnostic);

    public static string Take(CXString text)
    {
        string result = Marshal.PtrToStringUTF8((nint)clang_getCString(text)) ?? string.Empty;
        clang_disposeString(text);
        return result;
    }
}
