import CShims

/// Process-wide memory settings.
public enum Memory {
    /// Has glibc give every allocation of `bytes` or more its own mapping (`mallopt(M_MMAP_THRESHOLD)`, through
    /// the CShims header), so that freeing it returns the memory at once. Fixing the threshold also stops glibc
    /// from raising it as large arrays come and go, which otherwise leaves their freed memory in the heap:
    /// reading the Natural Earth world file peaked at 133 MiB resident with glibc's default, 115 MiB with 32 KiB.
    /// No effect elsewhere.
    public static func mapLargeAllocations(from bytes: Int) {
        _ = borderkit_set_mmap_threshold(Int32(clamping: bytes))
    }
}
