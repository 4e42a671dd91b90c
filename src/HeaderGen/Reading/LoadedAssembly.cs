using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HeaderGen.Reading;

/// <summary>One assembly's metadata, read (never loaded), with the readers built on it.</summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly FileStream _stream;
    private readonly PEReader _pe;

    public LoadedAssembly(string path, string? documentationFile)
    {
        Path = path;
        _stream = File.OpenRead(path);
        _pe = new PEReader(_stream);
        bool hasMetadata;
        try
        {
            hasMetadata = _pe.HasMetadata;
        }
        catch (BadImageFormatException e)
        {
            Dispose();
            throw new BadImageFormatException($"{path}: {e.Message}", e);
        }

        if (!hasMetadata)
        {
            Dispose();
            throw new BadImageFormatException($"{path} has no .NET metadata");
        }

        Reader = _pe.GetMetadataReader();
        if (!Reader.IsAssembly)
        {
            Dispose();
            throw new BadImageFormatException($"{path} is a module, not an assembly");
        }

        Name = Reader.GetString(Reader.GetAssemblyDefinition().Name);
        Shapes = new ShapeProvider(Reader);
        Attributes = new AttributeReader(Reader, Shapes);
        Docs = documentationFile is not null ? XmlDocumentation.Load(documentationFile) : XmlDocumentation.ForAssembly(path);
    }

    public string Path { get; }

    public string Name { get; }

    public MetadataReader Reader { get; }

    public ShapeProvider Shapes { get; }

    public AttributeReader Attributes { get; }

    public XmlDocumentation Docs { get; }

    /// <summary>The mapper of this assembly's types, set by the assembly set once the shared registry exists.</summary>
    public TypeMapper Mapper { get; set; } = null!;

    /// <summary>The definition of Namespace.Outer.Inner in this assembly, if it has one.</summary>
    public TypeDefinitionHandle? FindType(string fullName)
    {
        foreach (var handle in Reader.TypeDefinitions)
        {
            if (Mapper.DocName(handle) == fullName)
            {
                return handle;
            }
        }

        return null;
    }

    public void Dispose()
    {
        _pe.Dispose();
        _stream.Dispose();
    }
}
