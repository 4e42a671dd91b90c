using System.Collections.Generic;
using System.Linq;
using HeaderGen.Model;

namespace HeaderGen.Passes;

/// <summary>
/// Checks every C name and resolves what a rule can: fields and parameters named like keywords or like the header's
/// types get a trailing '_' (with a warning); collisions between file-scope names are errors.
/// </summary>
public sealed class NamingPass(Diagnostics diagnostics)
{
    public void Run(CHeader header)
    {
        var owners = new Dictionary<string, string>(System.StringComparer.Ordinal);
        void Claim(string name, string origin)
        {
            if (!NamingRules.IsIdentifier(name))
            {
                diagnostics.Report(DiagnosticIds.NotAnIdentifier, origin, $"'{name}' is not a C identifier");
            }
            else if (NamingRules.Keywords.Contains(name))
            {
                diagnostics.Report(DiagnosticIds.KeywordName, origin, $"'{name}' is a C or C++ keyword; give it another name with [CName]");
            }
            else if (owners.TryGetValue(name, out string? first))
            {
                diagnostics.Report(DiagnosticIds.NameCollision, origin, $"the C name '{name}' is also used by {first}; give one of them another name with [CName]");
            }
            else
            {
                owners[name] = origin;
            }
        }

        foreach (string macro in HeaderMacros(header))
        {
            owners[macro] = "the header's own macros";
        }

        foreach (var declaration in header.Types)
        {
            Claim(declaration.Name, declaration.Origin);
            if (declaration is CEnum e)
            {
                foreach (var member in e.Members)
                {
                    Claim(member.Name, member.Origin);
                }

                if (e.IsFlags)
                {
                    Claim(e.AllMaskName, $"{e.Origin} (the mask of all flags)");
                }
            }
        }

        foreach (var constant in header.Constants)
        {
            Claim(constant.Name, constant.Origin);
        }

        foreach (var function in header.Functions)
        {
            Claim(function.Name, function.Origin);
        }

        foreach (var data in header.Data)
        {
            Claim(data.Name, data.Origin);
        }

        Claim(header.AbiHashSymbol, "the interface's fingerprint (a data symbol every library gets)");
        foreach (string name in header.LoaderNames())
        {
            Claim(name, "the loader header's names (--loader)");
        }

        var typeNames = header.Types.Select(t => t.Name).ToHashSet(System.StringComparer.Ordinal);
        foreach (var s in header.Types.OfType<CStruct>())
        {
            RenameLocals(s.Fields, typeNames, "field");
        }

        foreach (var signature in header.Functions.Select(f => f.Signature).Concat(header.Types.OfType<CFunctionPointer>().Select(f => f.Signature)))
        {
            RenameLocals(signature.Parameters, typeNames, "parameter");
        }
    }

    /// <summary>The macros the header defines for itself, which no declaration may take.</summary>
    public static IEnumerable<string> HeaderMacros(CHeader header)
    {
        string p = header.MacroPrefix;
        yield return header.Guard;
        foreach (string suffix in CHeader.OwnMacroSuffixes)
        {
            yield return p + suffix;
        }
    }

    private void RenameLocals(IEnumerable<CNamedMember> locals, HashSet<string> typeNames, string kind)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var local in locals)
        {
            string name = local.Name;
            if (!NamingRules.IsIdentifier(name))
            {
                diagnostics.Report(DiagnosticIds.NotAnIdentifier, local.Origin, $"the {kind} name '{name}' is not a C identifier");
                continue;
            }

            string renamed = NamingRules.LocalName(name, typeNames);
            if (renamed != name)
            {
                diagnostics.Report(DiagnosticIds.RenamedLocal, local.Origin, $"the {kind} '{name}' is a C/C++ keyword or a type of the header; it is named '{renamed}' in C");
                local.Name = renamed;
                name = renamed;
            }

            if (!seen.Add(name))
            {
                diagnostics.Report(DiagnosticIds.DuplicateLocal, local.Origin, $"two {kind}s are named '{name}' in C");
            }
        }
    }
}
