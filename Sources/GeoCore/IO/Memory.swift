/// Process-wide memory settings.
public enum Memory {
    #if os(Linux)
    /// glibc's `mallopt` (malloc.h, which Swift's Glibc module leaves out); `M_MMAP_THRESHOLD` is -3 there.
    @_silgen_name("mallopt") private static func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
    private static let mmapThreshold: Int32 = -3
    #endif

    /// Has glibc give every allocation of `bytes` or more its own mapping (`mallopt(M_MMAP_THRESHOLD)`), so that
    /// freeing it returns the memory at once. Fixing the threshold also stops glibc from raising it as large
    /// arrays come and go, which otherwise leaves their freed memory in the heap: reading the Natural Earth
    /// world file peaked at 133 MiB resident with glibc's default, 115 MiB with 32 KiB. No effect elsewhere.
    public static func mapLargeAllocations(from bytes: Int) {
        #if os(Linux)
        _ = mallopt(mmapThreshold, Int32(clamping: bytes))
        #endif
    }
}
