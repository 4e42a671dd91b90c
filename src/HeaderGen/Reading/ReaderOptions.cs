using System;
using System.Collections.Generic;

namespace HeaderGen.Reading;

public sealed record ReaderOptions
{
    /// <summary>Overrides the assembly's [CPrefix].</summary>
    public string? Prefix { get; init; }

    public string? Guard { get; init; }

    public IReadOnlyList<string> ExtraIncludes { get; init; } = Array.Empty<string>();

    /// <summary>Assemblies (files) or folders where the assemblies that define the exports' types are looked for.</summary>
    public IReadOnlyList<string> References { get; init; } = Array.Empty<string>();

    /// <summary>Where to read documentation comments; by default the .xml beside the assembly.</summary>
    public string? DocumentationFile { get; init; }

    /// <summary>
    /// What an [UnmanagedCallersOnly] method without an EntryPoint is: nothing (the default), a warning, or an error.
    /// Native AOT does not export such methods; they are usually callbacks handed to native code as <c>&amp;Method</c>.
    /// </summary>
    public Severity? UnnamedExports { get; init; }
}
