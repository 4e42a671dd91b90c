using System.Collections.Generic;
using System.Linq;
using HeaderGen.Model;

namespace HeaderGen.Emit;

/// <summary>Names the C++ and Python layers derive from C names: classes, enum members, keyword-safe locals.</summary>
public static class LayerNames
{
    private static readonly HashSet<string> PythonKeywords = new(System.StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "self", "cls",
    };

    /// <summary><c>event_loop</c> -> <c>EventLoop</c>.</summary>
    public static string Pascal(string snake)
        => string.Concat(snake.Split('_', System.StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));

    /// <summary>An enum member's name without its enum's prefix: <c>EL_CASE_LOWER</c> -> <c>LOWER</c>.</summary>
    public static string Member(CEnum e, CEnumMember member)
    {
        string name = member.Name.StartsWith(e.MemberPrefix, System.StringComparison.Ordinal) ? member.Name[e.MemberPrefix.Length..] : member.Name;
        return name.Length == 0 || char.IsDigit(name[0]) ? "_" + name : name;
    }

    public static string Python(string name) => PythonKeywords.Contains(name) ? name + "_" : name;

    public static string Cpp(string name) => NamingRules.Keywords.Contains(name) ? name + "_" : name;

    /// <summary>The exception class of a failure status: <c>ERR_NULL_ARGUMENT</c> -> <c>NullArgumentError</c>.</summary>
    public static string ErrorClass(string member)
        => Pascal(member.StartsWith("ERR_", System.StringComparison.Ordinal) ? member[4..] : member) + "Error";
}
