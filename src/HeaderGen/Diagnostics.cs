using System.Collections.Generic;
using System.Linq;

namespace HeaderGen;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>One finding, tied to the C# member it is about.</summary>
public sealed record Diagnostic(Severity Severity, string Location, string Message)
{
    public override string ToString() => $"{(Severity == Severity.Error ? "error" : "warning")}: {Location}: {Message}";
}

/// <summary>What the stages found. Any error means no header is written: a wrong header is worse than none.</summary>
public sealed class Diagnostics
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Errors => _items.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => _items.Where(d => d.Severity == Severity.Warning);

    public void Error(string location, string message) => _items.Add(new Diagnostic(Severity.Error, location, message));

    public void Warning(string location, string message) => _items.Add(new Diagnostic(Severity.Warning, location, message));
}
