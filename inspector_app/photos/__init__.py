"""Photo evidence pipeline (design.md §5), Qt-free and database-free.

``sniff`` (type from bytes) → ``decode`` (pixel limit before decoding, upright RGB) →
``exif`` (orientation, capture time, GPS, notes) → ``worker.prepare`` (one file, runs in a
process pool) → the service stores the original and writes the rows. ``render`` draws
``annotation`` shapes and the ``watermark`` on copies; originals are never modified.
"""
