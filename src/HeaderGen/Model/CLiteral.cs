namespace HeaderGen.Model;

/// <summary>A constant's value, typed; the backend spells it (INT64_C, 0x...u, exact float text, escaped string).</summary>
public abstract record CLiteral;

/// <summary>An integer of the given C type (its size and signedness decide the spelling).</summary>
public sealed record CIntegerLiteral(long Value, CPrimitive Type, bool Signed) : CLiteral;

/// <summary>A finite float (<see cref="Single"/>) or double.</summary>
public sealed record CFloatLiteral(double Value, bool Single) : CLiteral;

/// <summary>A UTF-8 string.</summary>
public sealed record CStringLiteral(string Value) : CLiteral;

/// <summary>The value of one of the header's macros (the ABI hash's data symbol is initialised with its macro).</summary>
public sealed record CMacroLiteral(string Name) : CLiteral;
