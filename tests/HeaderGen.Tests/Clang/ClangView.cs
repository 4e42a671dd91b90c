using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace HeaderGen.Tests.Clang;

/// <summary>A struct or union as libclang lays it out.</summary>
internal sealed record ClangRecord(string Name, bool IsUnion, long Size, long Align, IReadOnlyDictionary<string, long> Offsets);

/// <summary>A function prototype as libclang sees it: the sizes of its result (0 for void) and parameters.</summary>
internal sealed record ClangFunction(string Name, long ResultSize, IReadOnlyList<long> ParameterSizes);

/// <summary>libclang's parse of a header: its diagnostics, records and functions.</summary>
internal sealed class ClangView
{
    public List<string> Errors { get; } = new();

    public Dictionary<string, ClangRecord> Records { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ClangFunction> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Parses the header as C (or C++) with libclang under -Wall -Wextra -Werror -pedantic, as clang would compile it,
    /// and collects every diagnostic of error severity, and every defined record and function.
    /// </summary>
    public static unsafe ClangView Parse(string headerPath, string language = "c", string standard = "c11")
    {
        var view = new ClangView();
        nint index = LibClang.clang_createIndex(0, 0);
        var arguments = new List<string> { "-x", language, $"-std={standard}", "-Wall", "-Wextra", "-Werror", "-pedantic" };
        if (LibClang.NeedsBuiltinHeaders)
        {
            arguments.AddRange(new[] { "-isystem", Compilers.GccBuiltinHeaders() });
        }

        string[] args = arguments.ToArray();
        var handles = new List<GCHandle>();
        var argv = new nint[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(args[i] + "\0");
            handles.Add(GCHandle.Alloc(bytes, GCHandleType.Pinned));
            argv[i] = handles[^1].AddrOfPinnedObject();
        }

        nint unit;
        fixed (byte* file = System.Text.Encoding.UTF8.GetBytes(headerPath + "\0"))
        fixed (nint* argPointers = argv)
        {
            unit = LibClang.clang_parseTranslationUnit(index, file, (byte**)argPointers, args.Length, 0, 0, 0);
        }

        foreach (var handle in handles)
        {
            handle.Free();
        }

        if (unit == 0)
        {
            LibClang.clang_disposeIndex(index);
            throw new InvalidOperationException($"libclang could not parse {headerPath}");
        }

        try
        {
            uint count = LibClang.clang_getNumDiagnostics(unit);
            for (uint i = 0; i < count; i++)
            {
                nint diagnostic = LibClang.clang_getDiagnostic(unit, i);
                if (LibClang.clang_getDiagnosticSeverity(diagnostic) >= LibClang.DiagnosticError)
                {
                    view.Errors.Add(LibClang.Take(LibClang.clang_formatDiagnostic(diagnostic, 0)));
                }

                LibClang.clang_disposeDiagnostic(diagnostic);
            }

            var self = GCHandle.Alloc(view);
            try
            {
                LibClang.clang_visitChildren(LibClang.clang_getTranslationUnitCursor(unit), &VisitTopLevel, GCHandle.ToIntPtr(self));
            }
            finally
            {
                self.Free();
            }
        }
        finally
        {
            LibClang.clang_disposeTranslationUnit(unit);
            LibClang.clang_disposeIndex(index);
        }

        return view;
    }

    [UnmanagedCallersOnly]
    private static unsafe int VisitTopLevel(CXCursor cursor, CXCursor parent, nint data)
    {
        var view = (ClangView)GCHandle.FromIntPtr(data).Target!;
        int kind = LibClang.clang_getCursorKind(cursor);
        if (kind == LibClang.CursorLinkageSpec || kind == LibClang.CursorUnexposedDecl)
        {
            return LibClang.ChildVisitRecurse; // extern "C" { ... } in C++
        }

        // Only what the header itself declares, not what its includes (<stdio.h>, ...) do.
        if (LibClang.clang_Location_isFromMainFile(LibClang.clang_getCursorLocation(cursor)) == 0)
        {
            return LibClang.ChildVisitContinue;
        }

        if ((kind == LibClang.CursorStructDecl || kind == LibClang.CursorUnionDecl) && LibClang.clang_isCursorDefinition(cursor) != 0)
        {
            view.AddRecord(cursor, kind == LibClang.CursorUnionDecl);
        }
        else if (kind == LibClang.CursorFunctionDecl)
        {
            view.AddFunction(cursor);
        }

        return LibClang.ChildVisitContinue;
    }

    private unsafe void AddRecord(CXCursor cursor, bool isUnion)
    {
        string name = LibClang.Take(LibClang.clang_getCursorSpelling(cursor));
        var type = LibClang.clang_getCursorType(cursor);
        var fields = new List<string>();
        var self = GCHandle.Alloc(fields);
        try
        {
            LibClang.clang_visitChildren(cursor, &VisitField, GCHandle.ToIntPtr(self));
        }
        finally
        {
            self.Free();
        }

        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string field in fields)
        {
            fixed (byte* utf8 = System.Text.Encoding.UTF8.GetBytes(field + "\0"))
            {
                long bits = LibClang.clang_Type_getOffsetOf(type, utf8);
                offsets[field] = bits < 0 ? bits : bits / 8;
            }
        }

        Records[name] = new ClangRecord(name, isUnion, LibClang.clang_Type_getSizeOf(type), LibClang.clang_Type_getAlignOf(type), offsets);
    }

    [UnmanagedCallersOnly]
    private static int VisitField(CXCursor cursor, CXCursor parent, nint data)
    {
        if (LibClang.clang_getCursorKind(cursor) == LibClang.CursorFieldDecl)
        {
            ((List<string>)GCHandle.FromIntPtr(data).Target!).Add(LibClang.Take(LibClang.clang_getCursorSpelling(cursor)));
        }

        return LibClang.ChildVisitContinue;
    }

    private void AddFunction(CXCursor cursor)
    {
        string name = LibClang.Take(LibClang.clang_getCursorSpelling(cursor));
        var result = LibClang.clang_getCanonicalType(LibClang.clang_getCursorResultType(cursor));
        long resultSize = result.Kind == LibClang.TypeVoid ? 0 : LibClang.clang_Type_getSizeOf(result);
        var parameters = new List<long>();
        int count = LibClang.clang_Cursor_getNumArguments(cursor);
        for (uint i = 0; i < count; i++)
        {
            parameters.Add(LibClang.clang_Type_getSizeOf(LibClang.clang_getCursorType(LibClang.clang_Cursor_getArgument(cursor, i))));
        }

        Functions[name] = new ClangFunction(name, resultSize, parameters);
    }
}
