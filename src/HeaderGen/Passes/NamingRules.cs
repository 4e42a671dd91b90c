using System.Collections.Frozen;
using System.Text;

namespace HeaderGen.Passes;

/// <summary>
/// The documented naming rules (README, "Naming"):
/// types: [CName] or prefix + snake_case(C# name); fields and parameters: [CName] or the C# name as it is;
/// enum members: [CName] or member prefix + UPPER_SNAKE(C# name), the member prefix being [CEnumPrefix] or
/// UPPER(enum's C name) + "_"; constants: [CName] or UPPER(prefix) + UPPER_SNAKE(class) + "_" + UPPER_SNAKE(field);
/// function-pointer typedefs: the delegate's [CName] or prefix + snake_case(delegate name).
/// A field or parameter named like a C or C++ keyword, or like a type of the header, gets a trailing '_'.
/// </summary>
public static class NamingRules
{
    public static readonly FrozenSet<string> Keywords = new[]
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
    }.ToFrozenSet(System.StringComparer.Ordinal);

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
                if ((afterLowerOrDigit || endsAcronym) && result.Length > 0 && result[^1] != '_')
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
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
