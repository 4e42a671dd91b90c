using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using HeaderGen;
using HeaderGen.Emit;
using HeaderGen.Passes;
using HeaderGen.Reading;

var assembly = new Argument<FileInfo[]>("assembly") { Description = "The compiled .NET assemblies (.dll) whose [UnmanagedCallersOnly] exports to declare in one header (the first names it).", Arity = ArgumentArity.OneOrMore };
var references = new Option<string[]>("--reference", "-r") { Description = "An assembly, or a folder of assemblies, where types the exports use are defined (repeatable; the inputs' folders are searched too).", AllowMultipleArgumentsPerToken = false };
var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the header (default: standard output)." };
var guard = new Option<string?>("--guard") { Description = "The include guard macro (default: from the output file's name, mylib.h -> MYLIB_H; on standard output, from the assembly's name)." };
var prefix = new Option<string?>("--prefix") { Description = "Prefix of C type names, overriding the assembly's [CPrefix] (e.g. el_)." };
var includes = new Option<string[]>("--include") { Description = "An extra #include for the header (repeatable), e.g. <stdio.h> or \"my.h\".", AllowMultipleArgumentsPerToken = false };
var docs = new Option<FileInfo?>("--doc") { Description = "The XML documentation file (default: the .xml beside the assembly, if any)." };
var check = new Option<bool>("--check") { Description = "Do not write: exit 1 when the file at --output differs from what would be generated (like cbindgen --verify)." };
var symbols = new Option<FileInfo?>("--symbols") { Description = "Also write the exported function names, one per line." };
var layoutTable = new Option<FileInfo?>("--layout-table") { Description = "Also write an X-macro list of every struct/union and field, for layout tests." };
var dataSource = new Option<FileInfo?>("--data-source") { Description = "Also write the C file that defines the data symbols ([CData] constants and the ABI fingerprint), to compile into the library." };
var interfaceInfo = new Option<FileInfo?>("--interface-info") { Description = "Also write facts about the interface for build tools, one KEY=VALUE per line (MacroPrefix, AbiHash, Functions, DataSymbols; lists separated by ';')." };
var loader = new Option<FileInfo?>("--loader") { Description = "Also write a loader header: a function-pointer typedef per export and a loader over dlopen/LoadLibrary, for programs that open the library at run time." };
var cpp = new Option<FileInfo?>("--cpp") { Description = "Also write the C++17 layer: a header-only file that includes the C header and wraps it (owning handle classes, exceptions, strings, callables; docs/bindings.md)." };
var python = new Option<FileInfo?>("--python") { Description = "Also write the Python layer: a ctypes module (standard library only, Python 3.9+) with the same rules (docs/bindings.md)." };
var libraryName = new Option<string?>("--library-name") { Description = "The library's name for the layers (libNAME.so; the Python module loads it): default, the header file's name without .h." };
var noWarn = new Option<string[]>("--nowarn") { Description = "Warning IDs to leave out (HG0033, or several: --nowarn HG0033 --nowarn HG0053, or HG0033,HG0053).", AllowMultipleArgumentsPerToken = false };
var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Treat warnings as errors." };
var unnamedExports = new Option<string>("--unnamed-exports")
{
    Description = "What an [UnmanagedCallersOnly] method without an EntryPoint is: ignore (the default: Native AOT does not export it, so there is nothing to declare), warn, or error (a strict mode for projects where every such method must be named).",
    DefaultValueFactory = _ => "ignore",
};
unnamedExports.AcceptOnlyFromAmong("error", "warn", "ignore");

var root = new RootCommand("HeaderGen: writes the C header of a .NET assembly's [UnmanagedCallersOnly] exports, with layout checks.")
{
    assembly, references, output, guard, prefix, includes, docs, check, symbols, layoutTable, dataSource, interfaceInfo, loader, cpp, python, libraryName, noWarn, warningsAsErrors, unnamedExports,
};

root.SetAction(parse =>
{
    var inputs = parse.GetValue(assembly)!;
    var input = inputs[0];
    var target = parse.GetValue(output);
    foreach (var file in inputs)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"error: {file.FullName}: no such file");
            return 2;
        }
    }

    if (parse.GetValue(check) && target is null)
    {
        Console.Error.WriteLine("error: --check needs --output FILE to compare with");
        return 2;
    }

    var options = new ReaderOptions
    {
        Guard = parse.GetValue(guard) ?? (target is null ? null : GuardFor(target.Name)),
        Prefix = parse.GetValue(prefix),
        ExtraIncludes = parse.GetValue(includes) ?? Array.Empty<string>(),
        DocumentationFile = parse.GetValue(docs)?.FullName,
        References = parse.GetValue(references) ?? Array.Empty<string>(),
        UnnamedExports = parse.GetValue(unnamedExports) switch { "warn" => Severity.Warning, "ignore" => null, _ => Severity.Error },
    };

    var diagnostics = new Diagnostics();
    foreach (string id in (parse.GetValue(noWarn) ?? Array.Empty<string>()).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
    {
        diagnostics.Suppressed.Add(id);
    }

    HeaderGen.Model.CHeader? header;
    try
    {
        header = Pipeline.Build(inputs.Select(i => i.FullName).ToList(), options, diagnostics);
    }
    catch (BadImageFormatException e)
    {
        Console.Error.WriteLine($"error: not a .NET assembly ({e.Message})");
        return 2;
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        // Metadata HeaderGen does not understand must still end in a message and an exit code, not a stack trace.
        Console.Error.WriteLine($"error: {input.FullName}: HeaderGen failed to read it ({e.GetType().Name}: {e.Message})");
        return 2;
    }

    // The layers' rules run only when a layer is asked for, so their findings concern only those who use them.
    bool wantsLayers = parse.GetValue(cpp) is not null || parse.GetValue(python) is not null;
    var api = header is not null && wantsLayers ? new BindingPass(diagnostics).Run(header) : null;
    foreach (var diagnostic in diagnostics.Items)
    {
        Console.Error.WriteLine(diagnostic);
    }

    bool failed = diagnostics.HasErrors || (parse.GetValue(warningsAsErrors) && diagnostics.Warnings.Any());
    if (failed || header is null)
    {
        Console.Error.WriteLine($"error: no header written: {diagnostics.Errors.Count()} error(s), {diagnostics.Warnings.Count()} warning(s)");
        return 1;
    }

    string text = CHeaderWriter.Write(header);
    var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    if (parse.GetValue(check))
    {
        string? existing = target!.Exists ? File.ReadAllText(target.FullName, utf8) : null;
        if (existing == text)
        {
            return 0;
        }

        Console.Error.WriteLine(existing is null
            ? $"error: {target.FullName} does not exist"
            : $"error: {target.FullName} differs from the header generated from {input.Name}{FirstDifference(existing, text)}; regenerate it");
        return 1;
    }

    if (target is null)
    {
        Console.Out.Write(text);
    }
    else
    {
        WriteIfChanged(target, text, utf8);
    }

    if (parse.GetValue(symbols) is { } symbolsFile)
    {
        WriteIfChanged(symbolsFile, SymbolsWriter.Write(header), utf8);
    }

    if (parse.GetValue(interfaceInfo) is { } infoFile)
    {
        WriteIfChanged(infoFile, InterfaceInfoWriter.Write(header), utf8);
    }

    // The name the loader header and the data-symbol C file include the header by.
    string headerFileName = target?.Name ?? $"{Path.GetFileNameWithoutExtension(input.Name).ToLowerInvariant()}.h";
    if (parse.GetValue(loader) is { } loaderFile)
    {
        WriteIfChanged(loaderFile, CLoaderWriter.Write(header, headerFileName), utf8);
    }

    string library = parse.GetValue(libraryName) ?? Path.GetFileNameWithoutExtension(headerFileName);
    if (parse.GetValue(cpp) is { } cppFile)
    {
        WriteIfChanged(cppFile, CppHeaderWriter.Write(header, api!, headerFileName), utf8);
    }

    if (parse.GetValue(python) is { } pythonFile)
    {
        WriteIfChanged(pythonFile, PythonModuleWriter.Write(header, api!, library), utf8);
    }

    if (parse.GetValue(dataSource) is { } dataFile)
    {
        WriteIfChanged(dataFile, CDataSourceWriter.Write(header, headerFileName), utf8);
    }

    if (parse.GetValue(layoutTable) is { } tableFile)
    {
        WriteIfChanged(tableFile, LayoutTableWriter.Write(header, target?.Name ?? "the header"), utf8);
    }

    return 0;
});

return root.Parse(args).Invoke();

// Leaves the file (and its timestamp) alone when nothing changed, so builds that depend on it do not rerun.
static void WriteIfChanged(FileInfo file, string text, Encoding encoding)
{
    if (file.Exists && File.ReadAllText(file.FullName, encoding) == text)
    {
        return;
    }

    file.Directory?.Create();
    File.WriteAllText(file.FullName, text, encoding);
}

// exportlib.h -> EXPORTLIB_H; characters a macro cannot hold become '_'.
static string GuardFor(string fileName)
{
    var guardName = new StringBuilder();
    foreach (char c in fileName.ToUpperInvariant())
    {
        guardName.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
    }

    return char.IsAsciiDigit(guardName[0]) ? "_" + guardName : guardName.ToString();
}

static string FirstDifference(string existing, string generated)
{
    string[] a = existing.Split('\n'), b = generated.Split('\n');
    for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
    {
        string left = i < a.Length ? a[i] : "<end of file>", right = i < b.Length ? b[i] : "<end of file>";
        if (left != right)
        {
            return $" (first at line {i + 1}: on disk \"{left}\", generated \"{right}\")";
        }
    }

    return string.Empty;
}
