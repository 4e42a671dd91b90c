using System.Collections.Generic;

namespace HeaderGen.Model;

/// <summary>
/// The platforms a declaration exists on, from [SupportedOSPlatform]/[UnsupportedOSPlatform]: C macros that identify
/// them (<c>_WIN32</c>, <c>__linux__</c>, ...): any supported one, and none of the unsupported ones.
/// </summary>
public sealed record CPlatformGuard(IReadOnlyList<string> Supported, IReadOnlyList<string> Unsupported);
