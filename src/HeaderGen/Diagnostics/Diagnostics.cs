using System.Collections.Generic;
using System.Linq;

namespace HeaderGen;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>One finding, with its stable ID, tied to the C# member it is about.</summary>
public sealed record Diagnostic(string Id, Severity Severity, string Location, string Message)
{
    public override string ToString() => $"{(Severity == Severity.Error ? "error" : "warning")} {Id}: {Location}: {Message}";
}

/// <summary>
/// What the stages found. Any error means no header is written: a wrong header is worse than none. Warnings whose
/// IDs are in <see cref="Suppressed"/> (--nowarn) are dropped.
/// </summary>
public sealed class Diagnostics
{
    private readonly List<Diagnostic> _items = new();

    public ISet<string> Suppressed { get; } = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Errors => _items.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => _items.Where(d => d.Severity == Severity.Warning);

    public void Report(DiagnosticDescriptor descriptor, string location, string message, Severity? severity = null)
    {
        var actual = severity ?? descriptor.Severity;
        if (actual == Severity.Warning && Suppressed.Contains(descriptor.Id))
        {
            return;
        }

        _items.Add(new Diagnostic(descriptor.Id, actual, location, message));
    }

    /// <summary>Adds "(reached from ...)" to the findings made since <paramref name="from"/> about other members.</summary>
    public void AddContext(int from, string ownLocation, string context)
    {
        for (int i = from; i < _items.Count; i++)
        {
            if (!_items[i].Location.StartsWith(ownLocation, System.StringComparison.Ordinal))
            {
                _items[i] = _items[i] with { Location = $"{_items[i].Location} (reached from {context})" };
            }
        }
    }
}
