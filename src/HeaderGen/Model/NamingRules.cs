using System.Collections.Generic;
using System.Text;

namespace HeaderGen.Model;

/// <summary>
/// The documented naming rules (README, "Naming"):
/// types: [CName] or prefix + snake_case(C# name); fields and parameters: [CName] or the C# name as it is;
/// enum members: [CName] or member prefix + UPPER_SNAKE(C# name), the member prefix being [CEnumPrefix] or
/// UPPER(enum's C name) + "_"; constants: [CName] or UPPER(prefix) + UPPER_SNAKE(class) + "_" + UPPER_SNAKE(field);
/// function-pointer typedefs: the delegate's [CName] or prefix + snake_case(delegate name).
/// A field or parameter named like a C or C++ keyword, or like a type of the header, gets a trailing '_'.
/// The one place these rules live: HeaderGen's naming pass and ExportLib's layout source generator (which links this
/// file, hence plain netstandard2.0 code) both call it, so the names they give can never disagree.
/// </summary>
public static class NamingRules
{
    public static readonly ISet<string> Keywords = new HashSet<string>(System.StringComparer.Ordinal)
    {
        // C99/C11/C23
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
        "_Static_assert", "_Thread_local", "alignas", "alignof", "bool", "constexpr", "false", "nullptr",
        "static_assert", "thread_local", "true", "typeof", "typeof_unqual",
        // C++ (through C++23)
        "and", "and_eq", "asm", "bitand", "bitor", "catch", "char8_t", "char16_t", "char32_t", "class", "compl",
        "concept", "consteval", "constinit", "const_cast", "co_await", "co_return", "co_yield", "decltype",
        "delete", "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace", "new", "noexcept", "not",
        "not_eq", "operator", "or", "or_eq", "private", "protected", "public", "reinterpret_cast", "requires",
        "static_cast", "template", "this", "throw", "try", "typeid", "typename", "using", "virtual", "wchar_t",
        "xor", "xor_eq",
        // Names the header's own includes define as macros or types.
        "NULL", "offsetof", "errno", "assert",
    };

    public static string SnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((afterLowerOrDigit || endsAcronym) && result.Length > 0 && result[result.Length - 1] != '_')
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    public static string UpperSnakeCase(string name) => SnakeCase(name).ToUpperInvariant();

    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The C name of a field as C# declares it: an auto-property's (and a positional record struct's) backing field
    /// <c>&lt;Width&gt;k__BackingField</c> is named after its property, <c>Width</c>.
    /// </summary>
    public static string FieldName(string clrName)
        => clrName.StartsWith("<", System.StringComparison.Ordinal) && clrName.EndsWith(">k__BackingField", System.StringComparison.Ordinal)
            ? clrName.Substring(1, clrName.Length - 1 - ">k__BackingField".Length)
            : clrName;

    /// <summary>
    /// A field's or parameter's name in C: with a trailing '_' when C or C++ reserves it or one of the header's types
    /// (<paramref name="typeNames"/>) has it.
    /// </summary>
    public static string LocalName(string name, ICollection<string> typeNames)
        => Keywords.Contains(name) || typeNames.Contains(name) ? name + "_" : name;

    /// <summary>A C name without the header's prefix: <c>el_event_loop</c> -> <c>event_loop</c>.</summary>
    public static string WithoutPrefix(string cName, string prefix)
        => prefix.Length > 0 && cName.StartsWith(prefix, System.StringComparison.Ordinal) ? cName.Substring(prefix.Length) : cName;

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
