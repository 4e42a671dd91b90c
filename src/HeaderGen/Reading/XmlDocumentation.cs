using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HeaderGen.Reading;

/// <summary>The compiler's XML documentation file, read as plain text for C comments.</summary>
public sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, XElement> _members = new();

    public static XmlDocumentation Empty { get; } = new();

    public static XmlDocumentation Load(string path)
    {
        var documentation = new XmlDocumentation();
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            if (member.Attribute("name")?.Value is { } name)
            {
                documentation._members[name] = member;
            }
        }

        return documentation;
    }

    /// <summary>The documentation file beside an assembly (same name, .xml), if there is one.</summary>
    public static XmlDocumentation ForAssembly(string assemblyPath)
    {
        string path = Path.ChangeExtension(assemblyPath, ".xml");
        return File.Exists(path) ? Load(path) : Empty;
    }

    public string? Type(string fullName) => Summary(Member($"T:{fullName}"));

    public string? Field(string typeFullName, string field) => Summary(Member($"F:{typeFullName}.{field}"));

    public string? Method(string typeFullName, string method) => Summary(MethodMember(typeFullName, method));

    public string? Parameter(string typeFullName, string method, string parameter)
        => Text(MethodMember(typeFullName, method)?.Elements("param").FirstOrDefault(p => p.Attribute("name")?.Value == parameter));

    public string? Returns(string typeFullName, string method) => Text(MethodMember(typeFullName, method)?.Element("returns"));

    private XElement? Member(string id) => _members.GetValueOrDefault(id);

    // Exports are looked up by name alone: an entry point is unique, so the parameter list adds nothing.
    private XElement? MethodMember(string typeFullName, string method)
    {
        string prefix = $"M:{typeFullName}.{method}";
        return Member(prefix) ?? _members.FirstOrDefault(m => m.Key.StartsWith(prefix + "(", System.StringComparison.Ordinal)).Value;
    }

    private static string? Summary(XElement? member) => Text(member?.Element("summary"));

    private static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = new StringBuilder();
        Append(element, text);
        string collapsed = Whitespace().Replace(text.ToString(), " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    private static void Append(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } e:
                    string reference = e.Attribute("cref")?.Value ?? e.Attribute("langword")?.Value ?? e.Attribute("href")?.Value ?? string.Empty;
                    text.Append(e.Value.Length > 0 ? e.Value : reference[(reference.LastIndexOfAny(['.', ':']) + 1)..]);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } e:
                    text.Append(e.Attribute("name")?.Value);
                    break;
                case XElement { Name.LocalName: "para" or "br" } e:
                    text.Append(' ');
                    Append(e, text);
                    text.Append(' ');
                    break;
                case XElement e:
                    Append(e, text);
                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
