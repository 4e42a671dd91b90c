using System;
using System.IO;
using HeaderGen.Reading;
using HeaderGen.Tests.Clang;
using NUnit.Framework;

namespace HeaderGen.Tests;

/// <summary>
/// An assembly HeaderGen was never tuned for, end to end: generate its header, compile it with gcc and clang in
/// every language mode the project promises, and cross-check its layouts with libclang against the runtime.
/// </summary>
public class EndToEndTests
{
    private const string Source = """
        namespace Vendor.Imaging
        {
            [StructLayout(LayoutKind.Sequential, Pack = 2)] public struct Header { public byte version; public uint width, height; public ushort depth; }
            public struct Pixel { public float r, g, b, a; }
            [StructLayout(LayoutKind.Explicit)] public struct Sample { [FieldOffset(0)] public Pixel rgba; [FieldOffset(0)] public unsafe fixed byte raw[16]; }
            public enum Format : byte { Gray = 1, Rgb = 3, Rgba = 4 }
            [Flags] public enum Options : ushort { None = 0, Dither = 1, Premultiply = 2, Fast = 0x8000 }
            public struct Image { public Header header; public Format format; public Options options; public unsafe Pixel* pixels; public nuint count; }
            public struct Decoder;
            public unsafe delegate void Progress(void* user, ulong done, ulong total);
            public static unsafe class Exports
            {
                [UnmanagedCallersOnly(EntryPoint = "img_open")] public static int Open([Const] byte* path, Decoder** decoder) => 0;
                [UnmanagedCallersOnly(EntryPoint = "img_decode")] public static int Decode(Decoder* d, Image* into, [CCallback(typeof(Progress))] delegate* unmanaged<void*, ulong, ulong, void> progress, void* user) => 0;
                [UnmanagedCallersOnly(EntryPoint = "img_sample")] public static Sample SampleAt([Const] Image* image, uint x, uint y) => default;
                [UnmanagedCallersOnly(EntryPoint = "img_header")] public static Header HeaderOf(Image image) => image.header;
                [UnmanagedCallersOnly(EntryPoint = "img_close")] public static void Close(Decoder* d) { }
            }
        }
        """;

    private static string Generate(out string dll)
    {
        dll = Snippet.Compile(Source, name: "Vendor.Imaging");
        string directory = Path.GetDirectoryName(dll)!;
        string header = Path.Combine(directory, "imaging.h");
        var diagnostics = new Diagnostics();
        File.WriteAllText(header, Pipeline.Generate(dll, new ReaderOptions { Guard = "IMAGING_H" }, diagnostics));
        Assert.That(diagnostics.Errors, Is.Empty, string.Join("\n", diagnostics.Items));
        return header;
    }

    [TestCase("gcc", "c", "c99")]
    [TestCase("gcc", "c", "c11")]
    [TestCase("g++", "c++", "c++11")]
    [TestCase("g++", "c++", "c++17")]
    [TestCase("clang", "c", "c99")]
    [TestCase("clang", "c", "c11")]
    [TestCase("clang++", "c++", "c++11")]
    [TestCase("clang++", "c++", "c++17")]
    public void TheHeaderCompilesCleanly(string compiler, string language, string standard)
    {
        string header = Generate(out _);
        string source = Path.Combine(Path.GetDirectoryName(header)!, "use.c");
        File.WriteAllText(source, "#include \"imaging.h\"\nint use(void);\nint use(void) { return (int)sizeof(image) + (int)sizeof(sample); }\n");
        Assert.That(Compilers.SyntaxErrors(compiler, language, standard, source), Is.Empty);
    }

    [TestCase("c", "c11")]
    [TestCase("c++", "c++17")]
    public void ItsLayoutsAgreeWithTheRuntime(string language, string standard)
    {
        string header = Generate(out string dll);
        var problems = LayoutCrossCheck.Run(header, dll, language, standard);
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }
}
