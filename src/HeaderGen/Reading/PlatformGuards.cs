using System;
using System.Collections.Generic;
using System.Reflection.Metadata;
using HeaderGen.Model;

namespace HeaderGen.Reading;

/// <summary>
/// Reads [SupportedOSPlatform]/[UnsupportedOSPlatform] (System.Runtime.Versioning) from a method, its type and its
/// assembly, as the platform analyzer does: the innermost level that names supported platforms wins; unsupported
/// platforms add up. Version suffixes (windows10.0.17763) are ignored: C has no portable test for them.
/// </summary>
internal static class PlatformGuards
{
    private const string Versioning = "System.Runtime.Versioning";

    public static CPlatformGuard? Read(AttributeReader attributes, string origin, Diagnostics diagnostics, params CustomAttributeHandleCollection[] innermostFirst)
    {
        List<string>? supported = null;
        var unsupported = new List<string>();
        foreach (var level in innermostFirst)
        {
            var here = new List<string>();
            foreach (var value in attributes.FindAll(level, Versioning, "SupportedOSPlatformAttribute"))
            {
                if (Macro(value, origin, diagnostics) is { } macro && !here.Contains(macro))
                {
                    here.Add(macro);
                }
            }

            if (supported is null && here.Count > 0)
            {
                supported = here;
            }

            foreach (var value in attributes.FindAll(level, Versioning, "UnsupportedOSPlatformAttribute"))
            {
                if (Macro(value, origin, diagnostics) is { } macro && !unsupported.Contains(macro))
                {
                    unsupported.Add(macro);
                }
            }
        }

        return supported is null && unsupported.Count == 0 ? null : new CPlatformGuard(supported ?? new List<string>(), unsupported);
    }

    private static string? Macro(CustomAttributeValue<ClrType> value, string origin, Diagnostics diagnostics)
    {
        if (value.FixedArguments is not [{ Value: string platform }, ..])
        {
            return null;
        }

        string name = platform.TrimEnd("0123456789.".ToCharArray()).ToLowerInvariant();
        string? macro = name switch
        {
            "windows" => "_WIN32",
            "linux" => "__linux__",
            "macos" or "osx" => "__APPLE__",
            "freebsd" => "__FreeBSD__",
            "android" => "__ANDROID__",
            _ => null,
        };
        if (macro is null)
        {
            diagnostics.Report(DiagnosticIds.UnknownPlatform, origin, $"the platform \"{platform}\" has no C test HeaderGen knows; the declaration is not guarded for it");
        }

        return macro;
    }
}
