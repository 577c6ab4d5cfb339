//! The listings are the programs in `examples/`; this library is empty.
