/*
 * Linked into every self-contained static library that ExportLib.Build makes. Each such archive carries a whole
 * Native AOT runtime, and two runtimes in one program crash in the second one's start-up; this one global symbol,
 * defined by every such archive, turns that crash into a link error whose text says why.
 */
const char only_one_dotnet_native_aot_static_library_per_program = 1;
