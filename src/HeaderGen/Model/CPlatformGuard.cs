using System.Collections.Generic;
using System.Linq;

namespace HeaderGen.Model;

/// <summary>
/// The platforms a declaration exists on, from [SupportedOSPlatform]/[UnsupportedOSPlatform]: C macros that identify
/// them (<c>_WIN32</c>, <c>__linux__</c>, ...). The backend writes <c>#if (defined(A) || defined(B)) &amp;&amp; !defined(C)</c>.
/// </summary>
public sealed record CPlatformGuard(IReadOnlyList<string> Supported, IReadOnlyList<string> Unsupported)
{
    public string Condition
    {
        get
        {
            var parts = new List<string>();
            if (Supported.Count > 0)
            {
                parts.Add(Supported.Count == 1 ? $"defined({Supported[0]})" : "(" + string.Join(" || ", Supported.Select(m => $"defined({m})")) + ")");
            }

            parts.AddRange(Unsupported.Select(m => $"!defined({m})"));
            return string.Join(" && ", parts);
        }
    }
}
