using System.Runtime.CompilerServices;
using HeaderGen;

[assembly: DisableRuntimeMarshalling]
[assembly: CPrefix("el_")]
