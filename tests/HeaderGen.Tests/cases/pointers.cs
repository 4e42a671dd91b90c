// Pointers of every depth, const pointees, void*, and [CType] spellings.
[assembly: CPrefix("pt_")]
public struct Item { public int Id; }
public static unsafe class Api
{
    [UnmanagedCallersOnly(EntryPoint = "pt_find")]
    public static Item* Find([Const] Item* items, nuint count, [CType("size_t*")] nuint* index) => null;

    [UnmanagedCallersOnly(EntryPoint = "pt_list")]
    public static int List(Item** out_items, void* user, [Const][CType("const char*")] byte* name) => 0;
}
