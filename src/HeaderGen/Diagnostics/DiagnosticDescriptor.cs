namespace HeaderGen;

/// <summary>One kind of finding: a stable ID (HG0001...), its default severity, what it means and what to write instead.</summary>
public sealed record DiagnosticDescriptor(string Id, Severity Severity, string Meaning, string Instead);
