#if canImport(CMalloc)
    import CMalloc
#endif

/// glibc's allocator, set for a command that reads a survey once and exits.
enum Allocator {
    /// Reading a survey allocates and frees hundreds of thousands of small values in one burst.
    /// With glibc's defaults, a quarter of `chorus validate` on a 1 MB survey went to merging its
    /// small free blocks (fast bins) and growing the heap 128 KB at a time, each growth a system
    /// call and its page faults. Without fast bins and with the heap grown 16 MB at a time, that
    /// cost is gone. Not for the kiosk or the server: the freed 16 MB would stay in their memory.
    static func tuneForOneBurst() {
        #if canImport(CMalloc)
            _ = mallopt(M_MXFAST, 0)
            _ = mallopt(M_TOP_PAD, 16 << 20)
            // Then the heap's first 30 MB, asked for in 2 MB pages: one page fault where there
            // were 512, which had been a seventh of the time.
            let size = 30 << 20
            _ = mallopt(M_MMAP_THRESHOLD, Int32(size + (1 << 20)))  // so that the block is the heap's
            _ = mallopt(M_TRIM_THRESHOLD, Int32(size * 2))  // and stays the heap's once freed
            guard let block = malloc(size) else { return }
            let hugePage = UInt(2 << 20)
            let start = (UInt(bitPattern: block) + hugePage - 1) & ~(hugePage - 1)
            let end = (UInt(bitPattern: block) + UInt(size)) & ~(hugePage - 1)
            if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE) }
            free(block)
        #endif
    }

    /// The export's audit copies a tableau of tens of megabytes for every subproblem of its
    /// integer search. glibc maps each block that large from the kernel and unmaps it when freed,
    /// so each copy faulted its pages in anew: on a program of 2,000 rows, 103 s in the kernel
    /// against 84 s of solving. Taken from the heap and kept there once freed, a block is reused.
    static func keepLargeBlocks() {
        #if canImport(CMalloc)
            _ = mallopt(M_MMAP_MAX, 0)
            _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
        #endif
    }
}
