using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace HeaderGen.Reading;

/// <summary>
/// The input assemblies and those their exports' types come from. A type defined in another assembly is read from that
/// assembly's metadata like a local one: the assembly is looked for among the inputs, beside them, and in the
/// reference paths (files or folders; the MSBuild integration passes the project's references).
/// </summary>
internal sealed class AssemblySet : IDisposable
{
    private readonly List<LoadedAssembly> _loaded = new();
    private readonly List<string> _searchFolders = new();
    private readonly List<string> _referenceFiles = new();
    private readonly HashSet<string> _missing = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the inputs. The prefix of every C type name is <paramref name="prefix"/>, else the first input's [CPrefix].
    /// </summary>
    public AssemblySet(IReadOnlyList<string> inputs, IReadOnlyList<string> references, string? documentationFile, string? prefix, Diagnostics diagnostics)
    {
        Registry = new DeclarationRegistry();
        Diagnostics = diagnostics;
        // The first input names the prefix, which its own mapper (made by Add) already uses.
        var first = new LoadedAssembly(inputs[0], documentationFile);
        Prefix = prefix ?? first.Attributes.Own(first.Reader.GetAssemblyDefinition().GetCustomAttributes(), "CPrefixAttribute") ?? string.Empty;
        for (int i = 0; i < inputs.Count; i++)
        {
            Inputs.Add(i == 0 ? Add(first) : Add(new LoadedAssembly(inputs[i], null)));
            if (Path.GetDirectoryName(Path.GetFullPath(inputs[i])) is { } folder && !_searchFolders.Contains(folder))
            {
                _searchFolders.Add(folder);
            }
        }

        foreach (string reference in references)
        {
            if (Directory.Exists(reference))
            {
                _searchFolders.Add(reference);
            }
            else if (File.Exists(reference))
            {
                _referenceFiles.Add(Path.GetFullPath(reference));
            }
            else
            {
                diagnostics.Report(DiagnosticIds.UnreadableReference, reference, "no such file or folder");
            }
        }
    }

    public DeclarationRegistry Registry { get; }

    public string Prefix { get; }

    public Diagnostics Diagnostics { get; }

    /// <summary>The assemblies whose exports the header declares, in the order given.</summary>
    public List<LoadedAssembly> Inputs { get; } = new();

    /// <summary>The assembly that defines a referenced type and the type's handle there, or null when not found.</summary>
    public (LoadedAssembly Assembly, System.Reflection.Metadata.TypeDefinitionHandle Handle)? Resolve(ClrReference reference)
    {
        var candidates = reference.Assembly.Length > 0
            ? Find(reference.Assembly) is { } named ? new[] { named } : Array.Empty<LoadedAssembly>()
            : _loaded.ToArray();
        foreach (var assembly in candidates)
        {
            if (assembly.FindType(reference.FullName) is { } handle)
            {
                return (assembly, handle);
            }
        }

        return null;
    }

    private LoadedAssembly? Find(string name)
    {
        if (_loaded.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) is { } loaded)
        {
            return loaded;
        }

        if (_missing.Contains(name))
        {
            return null;
        }

        string file = name + ".dll";
        string? path = _referenceFiles.FirstOrDefault(f => string.Equals(Path.GetFileName(f), file, StringComparison.OrdinalIgnoreCase))
            ?? _searchFolders.Select(folder => Path.Combine(folder, file)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            _missing.Add(name);
            return null;
        }

        try
        {
            return Add(new LoadedAssembly(path, null));
        }
        catch (BadImageFormatException)
        {
            // A native or reference-less file of that name: the type stays unresolved and is reported where it is used.
            _missing.Add(name);
            return null;
        }
    }

    private LoadedAssembly Add(LoadedAssembly assembly)
    {
        assembly.Mapper = new TypeMapper(assembly, this);
        _loaded.Add(assembly);
        return assembly;
    }

    public void Dispose()
    {
        foreach (var assembly in _loaded)
        {
            assembly.Dispose();
        }
    }
}
