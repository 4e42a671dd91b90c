using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using HeaderGen.Model;
using HeaderGen.Reading;

namespace HeaderGen.Tests.Clang;

/// <summary>
/// Compares libclang's parse of a header with the .NET runtime's own layout of the assembly it was made from:
/// every struct's and union's size, alignment and field offsets, and every function's parameter count and
/// parameter and result sizes. HeaderGen's model only pairs C names with C# members; no number comes from it.
/// </summary>
internal static class LayoutCrossCheck
{
    public static List<string> Run(string headerPath, string assemblyPath, string language = "c", string standard = "c11")
        => Run(headerPath, new[] { assemblyPath }, language, standard);

    /// <summary>The header of several assemblies' exports against the runtime's view of all of them.</summary>
    public static List<string> Run(string headerPath, IReadOnlyList<string> assemblyPaths, string language = "c", string standard = "c11")
    {
        var problems = new List<string>();
        var clang = ClangView.Parse(headerPath, language, standard);
        problems.AddRange(clang.Errors.Select(e => $"clang: {e}"));

        var diagnostics = new Diagnostics();
        var model = Pipeline.Build(assemblyPaths, new ReaderOptions { UnnamedExports = null }, diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
        var assemblies = assemblyPaths.Select(Snippet.Load).ToList();
        var assembly = assemblies[0];

        foreach (var s in model.Types.OfType<CStruct>())
        {
            var type = Snippet.FindType(assembly, s.ClrFullName!);
            if (!clang.Records.TryGetValue(s.Name, out var record))
            {
                problems.Add($"{s.Name}: not defined in the header");
                continue;
            }

            Compare(problems, $"{s.Name}: size", record.Size, RuntimeView.Size(type));
            Compare(problems, $"{s.Name}: alignment", record.Align, RuntimeView.Align(type));
            Compare(problems, $"{s.Name}: union", record.IsUnion ? 1 : 0, IsUnion(type) ? 1 : 0);
            var declared = s.DeclaredFields.ToList();
            foreach (var field in declared)
            {
                long clangOffset = record.Offsets.TryGetValue(field.Name, out long o) ? o : -1;
                Compare(problems, $"{s.Name}.{field.Name}: offset", clangOffset, RuntimeView.Offset(type, field.ClrName!));
            }

            // A framework type's private fields are not its C form (System.Guid's 11 fields are GUID's 4): sizes and
            // offsets above still hold it to the runtime.
            if (!s.ClrFullName!.StartsWith("System.", StringComparison.Ordinal))
            {
                int runtimeFields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length;
                Compare(problems, $"{s.Name}: declared fields", declared.Count, runtimeFields);
            }
        }

        // An export guarded out on this host ([SupportedOSPlatform] and friends) is not declared here, rightly.
        var hidden = model.Functions.Where(f => f.Platforms is { } p && !HostSatisfies(p)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var exports = assemblies.SelectMany(a => Exports(a)).Where(e => !hidden.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var (entryPoint, method) in exports)
        {
            if (!clang.Functions.TryGetValue(entryPoint, out var function))
            {
                problems.Add($"{entryPoint}: exported but not declared");
                continue;
            }

            var parameters = method.GetParameters();
            Compare(problems, $"{entryPoint}: parameter count", function.ParameterSizes.Count, parameters.Length);
            for (int i = 0; i < Math.Min(parameters.Length, function.ParameterSizes.Count); i++)
            {
                Compare(problems, $"{entryPoint}: size of parameter {i} ({parameters[i].Name})", function.ParameterSizes[i], SizeOf(parameters[i].ParameterType));
            }

            Compare(problems, $"{entryPoint}: result size", function.ResultSize, SizeOf(method.ReturnType));
        }

        foreach (string declared in clang.Functions.Keys.Where(f => !exports.ContainsKey(f)))
        {
            problems.Add($"{declared}: declared but not exported");
        }

        return problems;
    }

    private static bool HostSatisfies(CPlatformGuard guard)
    {
        var host = new HashSet<string>(StringComparer.Ordinal);
        if (OperatingSystem.IsWindows()) host.Add("_WIN32");
        if (OperatingSystem.IsLinux() || OperatingSystem.IsAndroid()) host.Add("__linux__");
        if (OperatingSystem.IsAndroid()) host.Add("__ANDROID__");
        if (OperatingSystem.IsMacOS()) host.Add("__APPLE__");
        if (OperatingSystem.IsFreeBSD()) host.Add("__FreeBSD__");
        return (guard.Supported.Count == 0 || guard.Supported.Any(host.Contains)) && !guard.Unsupported.Any(host.Contains);
    }

    private static void Compare(List<string> problems, string what, long clang, long runtime)
    {
        if (clang != runtime)
        {
            problems.Add($"{what}: clang says {clang}, the .NET runtime says {runtime}");
        }
    }

    private static bool IsUnion(Type type)
        => type.IsExplicitLayout && type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).All(f => RuntimeView.Offset(type, f.Name) == 0);

    private static long SizeOf(Type type)
        => type == typeof(void) ? 0
            : type.IsPointer || type.IsFunctionPointer || type.IsUnmanagedFunctionPointer || type.IsByRef ? IntPtr.Size
            : RuntimeView.Size(type);

    private static Dictionary<string, MethodInfo> Exports(Assembly assembly)
    {
        var exports = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<UnmanagedCallersOnlyAttribute>() is { EntryPoint: { } entryPoint })
                {
                    exports[entryPoint] = method;
                }
            }
        }

        return exports;
    }
}
