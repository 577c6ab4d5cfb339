// Linking an extension module on macOS needs `-undefined dynamic_lookup`
// (Python provides its symbols when it loads the module). maturin passes it
// itself; this makes a plain `cargo build` do the same. On Linux: nothing.
fn main() {
    pyo3_build_config::add_extension_module_link_args();
}
