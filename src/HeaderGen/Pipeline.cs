using System.Collections.Generic;
using HeaderGen.Emit;
using HeaderGen.Model;
using HeaderGen.Passes;
using HeaderGen.Reading;

namespace HeaderGen;

/// <summary>reader -> model -> passes (layout, naming, ordering) -> writer, as one call.</summary>
public static class Pipeline
{
    /// <summary>The checked model of an assembly, or null when any stage found an error.</summary>
    public static CHeader? Build(string assemblyPath, ReaderOptions options, Diagnostics diagnostics)
        => Build(new[] { assemblyPath }, options, diagnostics);

    /// <summary>The checked model of several assemblies' exports (one header), or null when any stage found an error.</summary>
    public static CHeader? Build(IReadOnlyList<string> assemblyPaths, ReaderOptions options, Diagnostics diagnostics)
    {
        var header = AssemblyReader.Read(assemblyPaths, options, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        new LayoutPass(diagnostics).Run(header);
        new NamingPass(diagnostics).Run(header);
        new OrderingPass().Run(header);
        new AbiFingerprintPass().Run(header);
        return diagnostics.HasErrors ? null : header;
    }

    public static string? Generate(IReadOnlyList<string> assemblyPaths, ReaderOptions options, Diagnostics diagnostics)
        => Build(assemblyPaths, options, diagnostics) is { } header ? CHeaderWriter.Write(header) : null;

    public static string? Generate(string assemblyPath, ReaderOptions options, Diagnostics diagnostics)
        => Build(assemblyPath, options, diagnostics) is { } header ? CHeaderWriter.Write(header) : null;
}
