using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using HeaderGen.Model;
using HeaderGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>Compiles C# source into an assembly on disk, as a user's project would be, for HeaderGen to read.</summary>
internal static class Snippet
{
    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    private static readonly string Annotations = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Annotations", "HeaderGenAttributes.cs"));

    public const string Usings = "using System; using System.Runtime.InteropServices; using System.Runtime.CompilerServices; using HeaderGen;\n";

    /// <summary>Compiles the source (with HeaderGen's annotations and DisableRuntimeMarshalling unless told otherwise).</summary>
    public static string Compile(string source, string name = "Sample", bool disableRuntimeMarshalling = true, bool documentation = false, params string[] extraSources)
        => CompileInto(Path.Combine(Path.GetTempPath(), "headergen-tests", Guid.NewGuid().ToString("N")), source, name, disableRuntimeMarshalling, documentation, Array.Empty<string>(), extraSources);

    /// <summary>Compiles into the given folder, referencing other snippet assemblies (for multi-assembly cases).</summary>
    public static string CompileInto(string directory, string source, string name, bool disableRuntimeMarshalling, bool documentation, string[] references, params string[] extraSources)
    {
        Directory.CreateDirectory(directory);
        string prelude = Usings + (disableRuntimeMarshalling ? "[assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]\n" : string.Empty);
        var parse = new CSharpParseOptions(LanguageVersion.Preview, documentation ? DocumentationMode.Diagnose : DocumentationMode.Parse);
        var trees = new[] { prelude + source, Annotations }.Concat(extraSources).Select(s => CSharpSyntaxTree.ParseText(s, parse));
        var compilation = CSharpCompilation.Create(name, trees, References.Concat(references.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, deterministic: true, nullableContextOptions: NullableContextOptions.Enable));
        string dll = Path.Combine(directory, name + ".dll");
        using (var peStream = File.Create(dll))
        using (var xmlStream = documentation ? File.Create(Path.Combine(directory, name + ".xml")) : null)
        {
            var result = compilation.Emit(peStream, xmlDocumentationStream: xmlStream);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (!result.Success)
            {
                Assert.Fail("the snippet does not compile:\n" + string.Join("\n", errors.Select(e => $"{e} in: {e.Location.SourceTree?.GetText().Lines[e.Location.GetLineSpan().StartLinePosition.Line]}")));
            }
        }

        return dll;
    }

    public static (CHeader? Header, Diagnostics Diagnostics) Build(string source, ReaderOptions? options = null, bool disableRuntimeMarshalling = true, bool documentation = false)
    {
        string dll = Compile(source, disableRuntimeMarshalling: disableRuntimeMarshalling, documentation: documentation);
        var diagnostics = new Diagnostics();
        return (Pipeline.Build(dll, options ?? new ReaderOptions(), diagnostics), diagnostics);
    }

    public static string Header(string source, ReaderOptions? options = null, bool documentation = false)
    {
        var diagnostics = new Diagnostics();
        string dll = Compile(source, documentation: documentation);
        string? text = Pipeline.Generate(dll, options ?? new ReaderOptions(), diagnostics);
        Assert.That(diagnostics.Errors, Is.Empty, string.Join("\n", diagnostics.Items));
        return text!;
    }

    public static Diagnostics Errors(string source, bool disableRuntimeMarshalling = true)
    {
        var (header, diagnostics) = Build(source, disableRuntimeMarshalling: disableRuntimeMarshalling);
        Assert.That(header, Is.Null, "a header was built despite errors");
        Assert.That(diagnostics.HasErrors, Is.True);
        return diagnostics;
    }

    /// <summary>
    /// Loads the assembly in a context of its own that finds its references beside it. Not collectible: a collectible
    /// context that nothing references is unloaded by its finalizer, and a reference resolved lazily afterwards (a
    /// parameter type in another assembly) would then fail.
    /// </summary>
    public static Assembly Load(string dll)
    {
        var context = new AssemblyLoadContext(Guid.NewGuid().ToString(), isCollectible: false);
        string folder = Path.GetDirectoryName(Path.GetFullPath(dll))!;
        context.Resolving += (c, name) => File.Exists(Path.Combine(folder, name.Name + ".dll")) ? c.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
        return context.LoadFromAssemblyPath(dll);
    }

    /// <summary>A type by reflection name in the assembly, the assemblies it references, or the framework.</summary>
    public static Type FindType(Assembly assembly, string fullName)
        => assembly.GetType(fullName)
            ?? assembly.GetReferencedAssemblies().Select(name => TryLoad(assembly, name)?.GetType(fullName)).FirstOrDefault(t => t is not null)
            ?? Type.GetType(fullName)
            ?? throw new TypeLoadException($"{fullName} is neither in {assembly.GetName().Name}, nor in what it references, nor in the framework");

    private static Assembly? TryLoad(Assembly from, AssemblyName name)
    {
        try
        {
            return AssemblyLoadContext.GetLoadContext(from)!.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
