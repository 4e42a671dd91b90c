using System;
using System.Collections.Generic;

namespace HeaderGen.Reading;

public sealed record ReaderOptions
{
    /// <summary>Overrides the assembly's [CPrefix].</summary>
    public string? Prefix { get; init; }

    public string? Guard { get; init; }

    public IReadOnlyList<string> ExtraIncludes { get; init; } = Array.Empty<string>();

    /// <summary>Where to read documentation comments; by default the .xml beside the assembly.</summary>
    public string? DocumentationFile { get; init; }

    /// <summary>
    /// What an [UnmanagedCallersOnly] method without an EntryPoint is: an error (the default), a warning, or nothing.
    /// Such methods are not exported; they are usually callbacks handed to native code as function pointers.
    /// </summary>
    public Severity? UnnamedExports { get; init; } = Severity.Error;
}
